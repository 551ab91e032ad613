import { Inject, Injectable } from '@nestjs/common';
import {
  businessDate,
  checkClassPlan,
  ClassInput,
  ClassPlan,
  ClassPlanDecision,
  ClassPlanStatus,
  ClassView,
  listingCovers,
} from '@platform/contracts';
import { and, asc, count, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { assertInDistrict, staffDistrictOf } from '../../common/auth/staff-district';
import { AppError } from '../../common/errors/app-error';
import {
  catalogueListings,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
  trainingInstitutions,
  trainingPlatforms,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { CatalogueService } from './catalogue.service';
import { assertInstitutionMember, notFound } from './institution-access';

type ClassRow = typeof trainingClasses.$inferSelect;
const EDITABLE: ClassPlanStatus[] = ['draft', 'rejected'];

/**
 * 开班申请 with the 线上培训方案 (C-3): an institution member drafts a class of one of its
 * published, catalogued courses and submits the plan; district staff approve or reject it with
 * a reason. An approved plan is frozen: it is what the trainees' hours are counted against.
 */
@Injectable()
export class ClassesService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly catalogue: CatalogueService,
  ) {}

  /** The institution's published courses, the ones it may open classes of. */
  async coursesOf(actor: Actor, institutionId: string) {
    await assertInstitutionMember(this.db, actor, institutionId);
    const rows = await this.db
      .select({ id: trainingCourses.id })
      .from(trainingCourses)
      .where(and(eq(trainingCourses.institutionId, institutionId), eq(trainingCourses.status, 'published')))
      .orderBy(asc(trainingCourses.code));
    return this.catalogue.courseViews(
      this.db,
      rows.map((r) => r.id),
    );
  }

  async create(actor: Actor, institutionId: string, input: ClassInput): Promise<ClassView> {
    const id = await this.db.transaction(async (tx) => {
      await assertInstitutionMember(tx, actor, institutionId);
      await this.checkCourse(tx, institutionId, input);
      const [row] = await tx
        .insert(trainingClasses)
        .values({ ...classValues(input), institutionId, createdBy: actor.userId })
        .returning({ id: trainingClasses.id });
      await audit(tx, actor, 'training.class.created', row.id, { courseId: input.courseId });
      return row.id;
    });
    return this.view(id);
  }

  async update(actor: Actor, id: string, input: ClassInput): Promise<ClassView> {
    await this.db.transaction(async (tx) => {
      const current = await this.ownClass(tx, actor, id);
      if (!EDITABLE.includes(current.planStatus as ClassPlanStatus)) throw frozen(current);
      await this.checkCourse(tx, current.institutionId, input);
      await tx
        .update(trainingClasses)
        .set({ ...classValues(input), updatedAt: new Date() })
        .where(eq(trainingClasses.id, id));
      await audit(tx, actor, 'training.class.updated', id, { courseId: input.courseId });
    });
    return this.view(id);
  }

  /** Submits the plan for the district's approval; an incomplete plan is refused (TR-5). */
  async submit(actor: Actor, id: string): Promise<ClassView> {
    await this.db.transaction(async (tx) => {
      const current = await this.ownClass(tx, actor, id);
      if (!EDITABLE.includes(current.planStatus as ClassPlanStatus)) throw frozen(current);
      const [course] = await tx
        .select()
        .from(trainingCourses)
        .where(eq(trainingCourses.id, current.courseId));
      await this.requireCatalogued(tx, course.id, current.startsOn);
      const check = checkClassPlan(course, { platformId: current.platformId, plan: planOf(current) });
      if (check.missing.length)
        throw new AppError(
          'CLASS_PLAN_INCOMPLETE',
          `The plan lacks: ${check.missing.join(', ')}. 培训方案不完整，请补充平台、时长和授课教师。`,
          { missing: check.missing },
        );
      if (check.mismatched.length)
        throw new AppError(
          'CLASS_PLAN_HOURS_MISMATCH',
          'The planned 学时 differ from the course. 方案学时与课程不一致。',
          { mismatched: check.mismatched },
        );
      await tx
        .update(trainingClasses)
        .set({ planStatus: 'submitted', planSubmittedAt: new Date(), updatedAt: new Date() })
        .where(eq(trainingClasses.id, id));
      await audit(tx, actor, 'training.class.plan_submitted', id, {});
    });
    return this.view(id);
  }

  /** District staff approve or reject a submitted plan; a rejection says why. */
  async decide(actor: Actor, id: string, input: ClassPlanDecision): Promise<ClassView> {
    if (input.decision === 'reject' && !input.reason)
      throw new AppError('REASON_REQUIRED', 'Say why the plan is rejected. 请填写退回理由。');
    await this.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(trainingClasses)
        .where(eq(trainingClasses.id, id))
        .for('update');
      if (!current) throw notFound('class');
      assertInDistrict(await staffDistrictOf(tx, actor), current.district);
      if (current.planStatus !== 'submitted')
        throw new AppError(
          'STATE_TRANSITION_INVALID',
          'Only a submitted plan can be decided. 仅可审核待审核的方案。',
          {
            planStatus: current.planStatus,
          },
        );
      const planStatus = input.decision === 'approve' ? 'approved' : 'rejected';
      await tx
        .update(trainingClasses)
        .set({
          planStatus,
          planDecidedAt: new Date(),
          planDecidedBy: actor.userId,
          planDecisionReason: input.reason ?? null,
          updatedAt: new Date(),
        })
        .where(eq(trainingClasses.id, id));
      await audit(tx, actor, `training.class.plan_${planStatus}`, id, { reason: input.reason ?? null });
    });
    return this.view(id);
  }

  /** A member of the class's institution, or staff reviewing it. */
  async get(actor: Actor, id: string): Promise<ClassView> {
    const row = await this.load(this.db, id);
    if (!hasAnyRole(actor, STAFF_ROLES)) await assertInstitutionMember(this.db, actor, row.institutionId);
    return this.view(id);
  }

  async forInstitution(actor: Actor, institutionId: string): Promise<ClassView[]> {
    await assertInstitutionMember(this.db, actor, institutionId);
    const rows = await this.db
      .select({ id: trainingClasses.id })
      .from(trainingClasses)
      .where(eq(trainingClasses.institutionId, institutionId))
      .orderBy(desc(trainingClasses.startsOn));
    return this.views(rows.map((r) => r.id));
  }

  /** The plans in a status, only the staff member's own district's when the account has one. */
  async byPlanStatus(actor: Actor, status: ClassPlanStatus): Promise<ClassView[]> {
    const district = await staffDistrictOf(this.db, actor);
    const rows = await this.db
      .select({ id: trainingClasses.id })
      .from(trainingClasses)
      .where(
        and(
          eq(trainingClasses.planStatus, status),
          district === null ? undefined : eq(trainingClasses.district, district),
        ),
      )
      .orderBy(asc(trainingClasses.planSubmittedAt))
      .limit(200);
    return this.views(rows.map((r) => r.id));
  }

  /** Public: the approved classes of a published course that have not ended (free browsing, E1). */
  async openForCourse(courseId: string): Promise<ClassView[]> {
    const rows = await this.db
      .select({ id: trainingClasses.id })
      .from(trainingClasses)
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .where(
        and(
          eq(trainingClasses.courseId, courseId),
          eq(trainingClasses.planStatus, 'approved'),
          eq(trainingCourses.status, 'published'),
          gte(trainingClasses.endsOn, businessDate()),
        ),
      )
      .orderBy(asc(trainingClasses.startsOn));
    return this.views(rows.map((r) => r.id));
  }

  async view(id: string, db: Executor = this.db): Promise<ClassView> {
    const [view] = await this.views([id], db);
    if (!view) throw notFound('class');
    return view;
  }

  async views(ids: string[], db: Executor = this.db): Promise<ClassView[]> {
    if (!ids.length) return [];
    const rows = await db
      .select({
        cls: trainingClasses,
        course: trainingCourses,
        institution: trainingInstitutions,
        platform: trainingPlatforms,
      })
      .from(trainingClasses)
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .innerJoin(trainingInstitutions, eq(trainingInstitutions.id, trainingClasses.institutionId))
      .leftJoin(trainingPlatforms, eq(trainingPlatforms.id, trainingClasses.platformId))
      .where(inArray(trainingClasses.id, ids));
    const counts = await db
      .select({ classId: trainingEnrolments.classId, n: count() })
      .from(trainingEnrolments)
      .where(and(inArray(trainingEnrolments.classId, ids), eq(trainingEnrolments.status, 'enrolled')))
      .groupBy(trainingEnrolments.classId);
    const enrolled = new Map(counts.map((c) => [c.classId, Number(c.n)]));
    const byId = new Map(
      rows.map(({ cls, course, institution, platform }) => [
        cls.id,
        {
          id: cls.id,
          name: cls.name,
          course: { id: course.id, code: course.code, title: course.title },
          institution: { id: institution.id, name: institution.name },
          platform: platform ? { id: platform.id, name: platform.name, url: platform.url } : null,
          district: cls.district,
          jurisdiction: cls.jurisdiction,
          startsOn: cls.startsOn,
          endsOn: cls.endsOn,
          capacity: cls.capacity,
          enrolled: enrolled.get(cls.id) ?? 0,
          plan: planOf(cls),
          planStatus: cls.planStatus as ClassPlanStatus,
          planSubmittedAt: cls.planSubmittedAt?.toISOString() ?? null,
          planDecidedAt: cls.planDecidedAt?.toISOString() ?? null,
          planDecisionReason: cls.planDecisionReason,
        } satisfies ClassView,
      ]),
    );
    return ids.map((id) => byId.get(id)).filter((v): v is ClassView => Boolean(v));
  }

  async load(db: Executor, id: string): Promise<ClassRow> {
    const [row] = await db.select().from(trainingClasses).where(eq(trainingClasses.id, id));
    if (!row) throw notFound('class');
    return row;
  }

  private async ownClass(tx: Executor, actor: Actor, id: string): Promise<ClassRow> {
    const row = await this.load(tx, id);
    await assertInstitutionMember(tx, actor, row.institutionId);
    return row;
  }

  /** The course is this institution's, published, and in the 培训项目目录 on the start day (K1). */
  private async checkCourse(tx: Executor, institutionId: string, input: ClassInput): Promise<void> {
    const [course] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, input.courseId));
    if (!course) throw notFound('course');
    if (course.institutionId !== institutionId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This course belongs to another institution. 该课程属于其他培训机构。',
      );
    if (course.status !== 'published')
      throw new AppError('CLASS_COURSE_NOT_PUBLISHED', 'The course is not published. 课程尚未发布。');
    if (input.platformId) {
      const [site] = await tx
        .select({ id: trainingPlatforms.id })
        .from(trainingPlatforms)
        .where(eq(trainingPlatforms.id, input.platformId));
      if (!site) throw notFound('platform');
    }
    await this.requireCatalogued(tx, course.id, input.startsOn);
  }

  private async requireCatalogued(tx: Executor, courseId: string, day: string): Promise<void> {
    const listings = await tx
      .select()
      .from(catalogueListings)
      .where(and(eq(catalogueListings.catalogue, 'project'), eq(catalogueListings.subjectId, courseId)));
    if (!listings.some((l) => listingCovers(l, day)))
      throw new AppError(
        'TRAINING_COURSE_NOT_IN_CATALOGUE',
        'The course is not in the 培训项目目录 on the class start date. 开班日课程不在培训项目目录内。',
        { courseId, on: day },
      );
  }
}

function classValues(input: ClassInput) {
  return {
    courseId: input.courseId,
    name: input.name,
    district: input.district,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    capacity: input.capacity,
    platformId: input.platformId,
    jurisdiction: input.jurisdiction,
    plan: input.plan as unknown as Record<string, unknown>,
  };
}

function planOf(row: ClassRow): ClassPlan {
  const plan = row.plan as Partial<ClassPlan>;
  return {
    teachers: plan.teachers ?? [],
    modules: plan.modules ?? [],
    scheduleNote: plan.scheduleNote ?? '',
  };
}

function frozen(row: ClassRow): AppError {
  return new AppError(
    'CLASS_PLAN_FROZEN',
    'A submitted or approved plan cannot be changed. 方案已提交或已同意，不能修改。',
    { planStatus: row.planStatus },
  );
}

function audit(tx: Executor, actor: Actor, action: string, id: string, details: Record<string, unknown>) {
  return recordAudit(tx, {
    actorId: actor.userId,
    action,
    subjectType: 'training_class',
    subjectId: id,
    details,
  });
}

import { Inject, Injectable } from '@nestjs/common';
import {
  businessDate,
  EnrolmentView,
  isValidResidentIdNumber,
  maskIdNumber,
  SponsoredEnrolmentInput,
  SponsorRowResult,
  WorkRelation,
} from '@platform/contracts';
import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { PiiCipher } from '../../common/pii/pii-cipher';
import {
  employers,
  seekerProfiles,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
  trainingInstitutions,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { notFound } from './institution-access';

type ClassRow = typeof trainingClasses.$inferSelect;
type EnrolmentRow = typeof trainingEnrolments.$inferSelect;
interface Sponsor {
  employerId: string;
  workRelation: WorkRelation;
}

/**
 * Real-name enrolment in classes whose plan the district approved (§2.2, TR-1, TR-4): a trainee
 * enrols themself, or an enterprise enrols its staff, each row matched to a verified identity
 * by the keyed hash of the 身份证 number and the same name (E8-E10, TR-35).
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly pii: PiiCipher,
  ) {}

  /** Idempotent: enrolling again returns the same enrolment; a withdrawn one is taken up again. */
  async enrol(actor: Actor, classId: string): Promise<EnrolmentView> {
    const [profile] = await this.db
      .select({ verifiedAt: seekerProfiles.verifiedAt })
      .from(seekerProfiles)
      .where(eq(seekerProfiles.userId, actor.userId));
    if (!profile?.verifiedAt)
      throw new AppError(
        'NOT_REAL_NAME',
        'Verify your real name and 身份证 before enrolling. 报名前请先完成实名认证。',
      );
    const id = await this.db.transaction(async (tx) => {
      const cls = await lockOpenClass(tx, classId);
      const enrolment = await this.take(tx, cls, actor.userId, null);
      if (enrolment === 'full') throw classFull(cls);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.enrolment.enrolled',
        subjectType: 'training_enrolment',
        subjectId: enrolment.id,
        details: { classId },
      });
      return enrolment.id;
    });
    return this.view(id);
  }

  /** An enterprise's staff list; every row gets its own result and the valid rows are kept. */
  async sponsor(actor: Actor, classId: string, input: SponsoredEnrolmentInput) {
    const [unit] = await this.db
      .select({ id: employers.id })
      .from(employers)
      .where(eq(employers.ownerUserId, actor.userId));
    if (!unit)
      throw new AppError(
        'NOT_FOUND',
        'Register your unit first (单位信息). 请先在「单位信息」中登记本单位。',
      );
    return this.db.transaction(async (tx) => {
      const cls = await lockOpenClass(tx, classId);
      const rows = [];
      for (const [index, entry] of input.staff.entries()) {
        const valid = isValidResidentIdNumber(entry.idNumber);
        const outcome = valid
          ? await this.sponsorOne(tx, cls, entry, { employerId: unit.id, workRelation: entry.workRelation })
          : { result: 'ID_NUMBER_INVALID' as const, enrolmentId: null };
        rows.push({
          index,
          realName: entry.realName,
          idNumberMasked: (valid && maskIdNumber(entry.idNumber)) || '',
          ...outcome,
        });
      }
      const enrolled = rows.filter((r) => r.result === 'enrolled').length;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.enrolment.sponsored',
        subjectType: 'training_class',
        subjectId: classId,
        details: { employerId: unit.id, rows: rows.map((r) => ({ index: r.index, result: r.result })) },
      });
      return { rows, enrolled };
    });
  }

  async mine(actor: Actor): Promise<EnrolmentView[]> {
    const rows = await this.viewQuery(this.db)
      .where(eq(trainingEnrolments.userId, actor.userId))
      .orderBy(desc(trainingEnrolments.enrolledAt));
    return rows.map(toView);
  }

  async withdraw(actor: Actor, id: string): Promise<EnrolmentView> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id));
      if (!row) throw notFound('enrolment');
      assertOwnerOrRole(actor, row.userId);
      if (row.status !== 'enrolled')
        throw new AppError('STATE_TRANSITION_INVALID', 'Not enrolled. 当前不在班中。', {
          status: row.status,
        });
      await tx
        .update(trainingEnrolments)
        .set({ status: 'withdrawn', updatedAt: new Date() })
        .where(eq(trainingEnrolments.id, id));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.enrolment.withdrawn',
        subjectType: 'training_enrolment',
        subjectId: id,
        details: { classId: row.classId },
      });
    });
    return this.view(id);
  }

  private async sponsorOne(
    tx: Executor,
    cls: ClassRow,
    entry: { realName: string; idNumber: string },
    sponsor: Sponsor,
  ): Promise<{ result: SponsorRowResult; enrolmentId: string | null }> {
    const [person] = await tx
      .select({ userId: seekerProfiles.userId, realName: seekerProfiles.realName })
      .from(seekerProfiles)
      .where(
        and(
          eq(seekerProfiles.idNumberHash, this.pii.lookupHash(entry.idNumber)),
          isNotNull(seekerProfiles.verifiedAt),
        ),
      );
    if (!person) return { result: 'TRAINEE_NOT_REGISTERED', enrolmentId: null };
    if (person.realName?.trim() !== entry.realName.trim())
      return { result: 'NAME_MISMATCH', enrolmentId: null };
    const [existing] = await tx
      .select()
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.classId, cls.id), eq(trainingEnrolments.userId, person.userId)));
    if (existing?.status === 'enrolled') return { result: 'already_enrolled', enrolmentId: existing.id };
    const taken = await this.take(tx, cls, person.userId, sponsor);
    if (taken === 'full') return { result: 'CLASS_FULL', enrolmentId: null };
    return { result: 'enrolled', enrolmentId: taken.id };
  }

  /** A seat for this user: the existing enrolment, a re-activated one, or a new one if not full. */
  private async take(
    tx: Executor,
    cls: ClassRow,
    userId: string,
    sponsor: Sponsor | null,
  ): Promise<EnrolmentRow | 'full'> {
    const [existing] = await tx
      .select()
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.classId, cls.id), eq(trainingEnrolments.userId, userId)));
    if (existing?.status === 'enrolled') return existing;
    const [{ n }] = await tx
      .select({ n: count() })
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.classId, cls.id), eq(trainingEnrolments.status, 'enrolled')));
    if (cls.capacity !== null && Number(n) >= cls.capacity) return 'full';
    const values = {
      status: 'enrolled',
      sponsorKind: sponsor ? ('enterprise' as const) : ('individual' as const),
      sponsorEmployerId: sponsor?.employerId ?? null,
      workRelation: sponsor?.workRelation ?? null,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx
          .update(trainingEnrolments)
          .set(values)
          .where(eq(trainingEnrolments.id, existing.id))
          .returning()
      : await tx
          .insert(trainingEnrolments)
          .values({ classId: cls.id, userId, ...values })
          .returning();
    return row;
  }

  private async view(id: string): Promise<EnrolmentView> {
    const [row] = await this.viewQuery(this.db).where(eq(trainingEnrolments.id, id));
    if (!row) throw notFound('enrolment');
    return toView(row);
  }

  private viewQuery(db: Executor) {
    return db
      .select({
        enrolment: trainingEnrolments,
        cls: trainingClasses,
        course: trainingCourses,
        institution: trainingInstitutions,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .innerJoin(trainingInstitutions, eq(trainingInstitutions.id, trainingClasses.institutionId))
      .$dynamic();
  }
}

/** The class, locked so concurrent enrolments cannot overfill it; approved (TR-4) and not ended. */
async function lockOpenClass(tx: Executor, classId: string): Promise<ClassRow> {
  const [cls] = await tx.select().from(trainingClasses).where(eq(trainingClasses.id, classId)).for('update');
  if (!cls) throw notFound('class');
  if (cls.planStatus !== 'approved')
    throw new AppError(
      'CLASS_PLAN_NOT_APPROVED',
      'The district has not approved this class plan. 该班级培训方案尚未经区县审核同意。',
      { planStatus: cls.planStatus },
    );
  if (cls.endsOn < businessDate())
    throw new AppError('CLASS_ENDED', 'This class has ended. 该班级已结束。', { endsOn: cls.endsOn });
  return cls;
}

function classFull(cls: ClassRow): AppError {
  return new AppError('CLASS_FULL', 'This class is full. 班级名额已满。', { capacity: cls.capacity });
}

function toView(row: {
  enrolment: EnrolmentRow;
  cls: ClassRow;
  course: typeof trainingCourses.$inferSelect;
  institution: typeof trainingInstitutions.$inferSelect;
}): EnrolmentView {
  const { enrolment, cls, course, institution } = row;
  return {
    id: enrolment.id,
    status: enrolment.status as EnrolmentView['status'],
    sponsorKind: enrolment.sponsorKind,
    workRelation: enrolment.workRelation as WorkRelation | null,
    completionStatus: enrolment.completionStatus,
    enrolledAt: enrolment.enrolledAt.toISOString(),
    class: { id: cls.id, name: cls.name, startsOn: cls.startsOn, endsOn: cls.endsOn },
    course: { id: course.id, title: course.title },
    institution: { id: institution.id, name: institution.name },
  };
}

import { Inject, Injectable } from '@nestjs/common';
import {
  businessDate,
  Catalogue,
  checkCourseDesign,
  COURSE_DESIGN_RULES,
  CourseInput,
  courseHours,
  CourseView,
  InstitutionInput,
  InstitutionView,
  ListingInput,
  listingCovers,
  ListingView,
  PlatformInput,
  PlatformView,
} from '@platform/contracts';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import {
  catalogueListings,
  searchOutbox,
  trainingCourses,
  trainingInstitutions,
  trainingPlatforms,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { SearchSync } from '../search/search-sync.service';

type CourseRow = typeof trainingCourses.$inferSelect;
type ListingRow = typeof catalogueListings.$inferSelect;

/**
 * The training catalogue staff keep (K6: the city collects and publishes it): institutions,
 * platforms and courses, and the dated catalogue listings that make a course subsidisable.
 * Every write records its audit event and, for what trainees search, an outbox row.
 */
@Injectable()
export class CatalogueService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly sync: SearchSync,
  ) {}

  // ---- institutions and platforms

  async createInstitution(actor: Actor, input: InstitutionInput): Promise<InstitutionView> {
    const row = await this.db
      .transaction(async (tx) => {
        const [created] = await tx
          .insert(trainingInstitutions)
          .values({ ...input, createdBy: actor.userId })
          .returning();
        await audit(tx, actor, 'training.institution.created', 'training_institution', created.id, input);
        return created;
      })
      .catch(uniqueCreditCode);
    return { ...institutionView(row), listings: [] };
  }

  async updateInstitution(actor: Actor, id: string, input: InstitutionInput): Promise<InstitutionView> {
    const row = await this.db
      .transaction(async (tx) => {
        const [updated] = await tx
          .update(trainingInstitutions)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(trainingInstitutions.id, id))
          .returning();
        if (!updated) throw notFound('institution');
        await this.recordCoursesOf(tx, 'institution', id);
        await audit(tx, actor, 'training.institution.updated', 'training_institution', id, input);
        return updated;
      })
      .catch(uniqueCreditCode);
    return { ...institutionView(row), listings: await this.listingsOf([id]) };
  }

  async institutions(): Promise<InstitutionView[]> {
    const rows = await this.db.select().from(trainingInstitutions).orderBy(asc(trainingInstitutions.name));
    const listings = await this.listingsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...institutionView(r),
      listings: listings.filter((l) => l.subjectId === r.id),
    }));
  }

  async createPlatform(actor: Actor, input: PlatformInput): Promise<PlatformView> {
    const row = await this.db.transaction(async (tx) => {
      const [created] = await tx.insert(trainingPlatforms).values(input).returning();
      await audit(tx, actor, 'training.platform.created', 'training_platform', created.id, input);
      return created;
    });
    return { ...platformView(row), listings: [] };
  }

  async platforms(): Promise<PlatformView[]> {
    const rows = await this.db.select().from(trainingPlatforms).orderBy(asc(trainingPlatforms.name));
    const listings = await this.listingsOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...platformView(r), listings: listings.filter((l) => l.subjectId === r.id) }));
  }

  // ---- catalogue listings

  /** Lists a subject in a catalogue from a date (to a date); the courses it concerns are re-indexed. */
  async addListing(actor: Actor, input: ListingInput): Promise<ListingView> {
    return this.db.transaction(async (tx) => {
      await this.requireSubject(tx, input.catalogue, input.subjectId);
      const [row] = await tx
        .insert(catalogueListings)
        .values({ ...input, createdBy: actor.userId })
        .returning();
      await this.recordCoursesOf(tx, input.catalogue, input.subjectId);
      await audit(tx, actor, 'training.listing.added', 'catalogue_listing', row.id, input);
      return listingView(row);
    });
  }

  /** Ends a listing on a day (delisting); the record stays, so past days keep their answer. */
  async endListing(actor: Actor, id: string, listedUntil: string): Promise<ListingView> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(catalogueListings).where(eq(catalogueListings.id, id));
      if (!current) throw notFound('listing');
      if (listedUntil < current.listedFrom)
        throw new AppError('VALIDATION_FAILED', 'The end is before the start. 截止日期早于起始日期。', {
          listedFrom: current.listedFrom,
        });
      const [row] = await tx
        .update(catalogueListings)
        .set({ listedUntil })
        .where(eq(catalogueListings.id, id))
        .returning();
      await this.recordCoursesOf(tx, current.catalogue, current.subjectId);
      await audit(tx, actor, 'training.listing.ended', 'catalogue_listing', id, { listedUntil });
      return listingView(row);
    });
  }

  // ---- courses

  async createCourse(actor: Actor, input: CourseInput): Promise<CourseView> {
    const id = await this.db
      .transaction(async (tx) => {
        await this.checkCourse(tx, input);
        const [row] = await tx
          .insert(trainingCourses)
          .values({ ...input, rulesVersion: COURSE_DESIGN_RULES.version })
          .returning({ id: trainingCourses.id });
        await tx.insert(searchOutbox).values({ entity: 'course', entityId: row.id });
        await audit(tx, actor, 'training.course.created', 'training_course', row.id, { code: input.code });
        return row.id;
      })
      .catch(uniqueCourseCode);
    this.sync.kick();
    return this.course(id, actor);
  }

  async updateCourse(actor: Actor, id: string, input: CourseInput): Promise<CourseView> {
    await this.db
      .transaction(async (tx) => {
        await this.checkCourse(tx, input);
        const [row] = await tx
          .update(trainingCourses)
          .set({ ...input, rulesVersion: COURSE_DESIGN_RULES.version, updatedAt: new Date() })
          .where(eq(trainingCourses.id, id))
          .returning({ id: trainingCourses.id });
        if (!row) throw notFound('course');
        await tx.insert(searchOutbox).values({ entity: 'course', entityId: id });
        await audit(tx, actor, 'training.course.updated', 'training_course', id, { code: input.code });
      })
      .catch(uniqueCourseCode);
    this.sync.kick();
    return this.course(id, actor);
  }

  async setCourseStatus(actor: Actor, id: string, status: 'published' | 'withdrawn'): Promise<CourseView> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(trainingCourses)
        .set({ status, updatedAt: new Date() })
        .where(eq(trainingCourses.id, id))
        .returning({ id: trainingCourses.id });
      if (!row) throw notFound('course');
      await tx.insert(searchOutbox).values({ entity: 'course', entityId: id });
      await audit(tx, actor, `training.course.${status}`, 'training_course', id, {});
    });
    this.sync.kick();
    return this.course(id, actor);
  }

  /** Anyone may read a published course (free browsing, E1); drafts only staff. */
  async course(id: string, actor?: Actor, on = businessDate()): Promise<CourseView> {
    const [view] = await this.courseViews(this.db, [id], on);
    if (!view || (view.status !== 'published' && !(actor && hasAnyRole(actor, STAFF_ROLES))))
      throw notFound('course');
    return view;
  }

  async courses(): Promise<CourseView[]> {
    const rows = await this.db
      .select({ id: trainingCourses.id })
      .from(trainingCourses)
      .orderBy(desc(trainingCourses.updatedAt))
      .limit(500);
    return this.courseViews(
      this.db,
      rows.map((r) => r.id),
    );
  }

  /** Courses with their institution, platform, listings and catalogue status on `on`. */
  async courseViews(db: Executor, ids: string[], on = businessDate()): Promise<CourseView[]> {
    if (!ids.length) return [];
    const rows = await db
      .select({ course: trainingCourses, institution: trainingInstitutions, platform: trainingPlatforms })
      .from(trainingCourses)
      .innerJoin(trainingInstitutions, eq(trainingInstitutions.id, trainingCourses.institutionId))
      .leftJoin(trainingPlatforms, eq(trainingPlatforms.id, trainingCourses.platformId))
      .where(inArray(trainingCourses.id, ids));
    const subjects = rows.flatMap((r) => [
      r.course.id,
      r.institution.id,
      ...(r.platform ? [r.platform.id] : []),
    ]);
    const listings = await this.listingsOf([...new Set(subjects)], db);
    const byId = new Map(
      rows.map(({ course, institution, platform }) => {
        const own = (catalogue: Catalogue, subjectId: string) =>
          listings.filter((l) => l.catalogue === catalogue && l.subjectId === subjectId);
        return [
          course.id,
          courseView(course, institution, platform, {
            project: own('project', course.id),
            institution: own('institution', institution.id),
            platform: platform ? own('platform', platform.id) : [],
            on,
          }),
        ];
      }),
    );
    return ids.map((id) => byId.get(id)).filter((v): v is CourseView => Boolean(v));
  }

  private async checkCourse(tx: Executor, input: CourseInput): Promise<void> {
    await this.requireSubject(tx, 'institution', input.institutionId);
    if (input.platformId) await this.requireSubject(tx, 'platform', input.platformId);
    const problems = checkCourseDesign(input.kind, input.modules);
    if (problems.length) throw new AppError(problems[0].code, problems[0].message, { problems });
  }

  private async requireSubject(tx: Executor, catalogue: Catalogue, id: string): Promise<void> {
    const table = {
      institution: trainingInstitutions,
      project: trainingCourses,
      platform: trainingPlatforms,
    }[catalogue];
    const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
    if (!row) throw notFound(catalogue === 'project' ? 'course' : catalogue);
  }

  /** Which courses show a listing of this subject, so their documents are re-indexed. */
  private async recordCoursesOf(tx: Executor, catalogue: Catalogue, subjectId: string): Promise<void> {
    const column = {
      institution: trainingCourses.institutionId,
      project: trainingCourses.id,
      platform: trainingCourses.platformId,
    }[catalogue];
    const rows = await tx
      .select({ id: trainingCourses.id })
      .from(trainingCourses)
      .where(eq(column, subjectId));
    if (rows.length) {
      await tx.insert(searchOutbox).values(rows.map((r) => ({ entity: 'course' as const, entityId: r.id })));
      this.sync.kick();
    }
  }

  private async listingsOf(subjectIds: string[], db: Executor = this.db): Promise<ListingView[]> {
    if (!subjectIds.length) return [];
    const rows = await db
      .select()
      .from(catalogueListings)
      .where(inArray(catalogueListings.subjectId, subjectIds))
      .orderBy(asc(catalogueListings.listedFrom));
    return rows.map(listingView);
  }
}

function courseView(
  course: CourseRow,
  institution: typeof trainingInstitutions.$inferSelect,
  platform: typeof trainingPlatforms.$inferSelect | null,
  listings: { project: ListingView[]; institution: ListingView[]; platform: ListingView[]; on: string },
): CourseView {
  const covered = (entries: ListingView[]) => entries.some((l) => listingCovers(l, listings.on));
  const institutionListed = covered(listings.institution);
  const projectListed = covered(listings.project);
  const hours = courseHours(course.modules);
  // Online hours need a selected platform (K1-K2); only a fully offline course needs none.
  const platformSelected = platform ? covered(listings.platform) : hours.online > 0 ? false : null;
  return {
    id: course.id,
    code: course.code,
    title: course.title,
    institution: { id: institution.id, name: institution.name, district: institution.district },
    platform: platform ? { id: platform.id, name: platform.name, url: platform.url } : null,
    occupation: course.occupation,
    level: course.level,
    kind: course.kind,
    description: course.description,
    modules: course.modules,
    hours,
    status: course.status,
    rulesVersion: course.rulesVersion,
    catalogue: {
      on: listings.on,
      institutionListed,
      projectListed,
      platformSelected,
      subsidisable: institutionListed && projectListed && platformSelected !== false,
    },
    listings: [...listings.institution, ...listings.project, ...listings.platform],
    updatedAt: course.updatedAt.toISOString(),
  };
}

function institutionView(row: typeof trainingInstitutions.$inferSelect): Omit<InstitutionView, 'listings'> {
  return {
    id: row.id,
    name: row.name,
    unifiedSocialCreditCode: row.unifiedSocialCreditCode,
    kind: row.kind,
    district: row.district,
  };
}

function platformView(row: typeof trainingPlatforms.$inferSelect): Omit<PlatformView, 'listings'> {
  return { id: row.id, name: row.name, url: row.url, kind: row.kind, operator: row.operator };
}

function listingView(row: ListingRow): ListingView {
  return {
    id: row.id,
    catalogue: row.catalogue,
    subjectId: row.subjectId,
    listedFrom: row.listedFrom,
    listedUntil: row.listedUntil,
    source: row.source,
  };
}

function audit(
  tx: Executor,
  actor: Actor,
  action: string,
  subjectType: string,
  subjectId: string,
  details: object,
): Promise<void> {
  return recordAudit(tx, { actorId: actor.userId, action, subjectType, subjectId, details: { ...details } });
}

function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `No such ${what}. 未找到。`);
}

function uniqueCreditCode(error: unknown): never {
  if (isUniqueViolation(error, 'training_institutions_uscc_key'))
    throw new AppError(
      'INSTITUTION_USCC_TAKEN',
      'This credit code is already catalogued. 该统一社会信用代码已登记。',
    );
  throw error;
}

function uniqueCourseCode(error: unknown): never {
  if (isUniqueViolation(error, 'training_courses_code_key'))
    throw new AppError('COURSE_CODE_TAKEN', 'This course code is taken. 课程编号已存在。');
  throw error;
}

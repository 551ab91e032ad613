import { Inject, Injectable } from '@nestjs/common';
import { maskEmail, maskPhone, ResumeInput, ResumeView } from '@platform/contracts';
import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import {
  applications,
  fairEmployerAgencies,
  resumeDownloads,
  resumes,
  seekerProfiles,
  users,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { containsPattern } from '../../infra/database/like';
import { assertApproved, EmployersService } from '../employers/employers.service';
import { SearchSync } from '../search/search-sync.service';

type ResumeRow = typeof resumes.$inferSelect;
interface Owner {
  id: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  university: string | null;
  cohort: number | null;
}

/**
 * Resumes and who may read them (recruitment.md §3.6, AS-25, AS-26): the seeker always; an
 * approved employer when the resume is searchable or the seeker applied to it. Contacts stay
 * masked until the seeker applied to that employer. Every employer read and download is audited.
 */
@Injectable()
export class ResumesService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly employers: EmployersService,
    private readonly searchSync: SearchSync,
  ) {}

  async mine(actor: Actor): Promise<ResumeView> {
    const row = await this.load(actor.userId);
    if (!row) throw new AppError('NOT_FOUND', 'You have no resume yet. 尚未创建简历。');
    return toResumeView(row, await this.owner(actor.userId), false);
  }

  async save(actor: Actor, input: ResumeInput): Promise<ResumeView> {
    const { visibility, ...content } = input;
    if (content.expectations.salaryMin > content.expectations.salaryMax)
      throw new AppError(
        'POSITION_SALARY_RANGE_INVALID',
        'The lowest expected salary is above the highest. 期望薪资下限不能高于上限。',
        { field: 'expectations.salaryMin' },
      );
    // The outbox row commits with the resume: a resume made hidden always leaves the index.
    await this.db.transaction(async (tx) => {
      await tx
        .insert(resumes)
        .values({ userId: actor.userId, content, visibility })
        .onConflictDoUpdate({ target: resumes.userId, set: { content, visibility, updatedAt: new Date() } });
      await this.searchSync.recordResume(tx, actor.userId);
    });
    this.searchSync.kick();
    return this.mine(actor);
  }

  /** An employer reads a resume; contacts show only if the seeker applied to this employer. */
  async viewAsEmployer(actor: Actor, seekerUserId: string): Promise<ResumeView> {
    const { row, applied, employerId } = await this.employerAccess(actor, seekerUserId);
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'resume.view',
      subjectType: 'resume',
      subjectId: seekerUserId,
      details: { employerId },
    });
    return toResumeView(row, await this.owner(seekerUserId), !applied);
  }

  /** AS-25: audited every time, counted once per employer and resume, with the agencies involved. */
  async downloadAsEmployer(actor: Actor, seekerUserId: string): Promise<ResumeView> {
    const { row, applied, employerId } = await this.employerAccess(actor, seekerUserId);
    const agencyIds = await this.agenciesBetween(employerId, seekerUserId);
    await this.db.transaction(async (tx) => {
      await tx
        .insert(resumeDownloads)
        .values({ employerId, resumeUserId: seekerUserId, agencyIds })
        .onConflictDoUpdate({
          target: [resumeDownloads.employerId, resumeDownloads.resumeUserId],
          set: { times: sql`${resumeDownloads.times} + 1`, lastAt: new Date() },
        });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'resume.download',
        subjectType: 'resume',
        subjectId: seekerUserId,
        details: { employerId, agencyIds },
      });
    });
    return toResumeView(row, await this.owner(seekerUserId), !applied);
  }

  /** Searchable resumes for approved employers, always masked here. */
  async search(actor: Actor, q: string | undefined, page: number, pageSize: number) {
    assertApproved(await this.employers.ownedBy(actor.userId));
    const text = q ? containsPattern(q) : undefined;
    const where = and(
      eq(resumes.visibility, 'searchable'),
      text
        ? or(ilike(sql`${resumes.content}::text`, text), ilike(seekerProfiles.university, text))
        : undefined,
    );
    const [rows, [total]] = await Promise.all([
      this.db
        .select({ resume: resumes })
        .from(resumes)
        .leftJoin(seekerProfiles, eq(seekerProfiles.userId, resumes.userId))
        .where(where)
        .orderBy(desc(resumes.updatedAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db
        .select({ n: count() })
        .from(resumes)
        .leftJoin(seekerProfiles, eq(seekerProfiles.userId, resumes.userId))
        .where(where),
    ]);
    const owners = await this.owners(rows.map((r) => r.resume.userId));
    return {
      items: rows.map((r) => toResumeView(r.resume, owners.get(r.resume.userId)!, true)),
      total: total.n,
    };
  }

  async load(userId: string): Promise<ResumeRow | undefined> {
    const [row] = await this.db.select().from(resumes).where(eq(resumes.userId, userId));
    return row;
  }

  private async employerAccess(actor: Actor, seekerUserId: string) {
    const employer = await this.employers.ownedBy(actor.userId);
    assertApproved(employer);
    const row = await this.load(seekerUserId);
    const [{ n }] = await this.db
      .select({ n: count() })
      .from(applications)
      .where(
        and(
          eq(applications.employerId, employer.id),
          eq(applications.seekerUserId, seekerUserId),
          inArray(applications.status, ['submitted', 'viewed', 'shortlisted', 'interview', 'offer', 'hired']),
        ),
      );
    const applied = n > 0;
    if (!row || (!applied && row.visibility !== 'searchable')) {
      throw new AppError(
        'RESUME_NOT_VISIBLE',
        'This resume is not open to your unit. 该简历未向贵单位开放。',
      );
    }
    return { row, applied, employerId: employer.id };
  }

  /** The agencies the employer chose in the fairs where this seeker applied to it. */
  private async agenciesBetween(employerId: string, seekerUserId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ agencyId: fairEmployerAgencies.agencyId })
      .from(applications)
      .innerJoin(
        fairEmployerAgencies,
        and(
          eq(fairEmployerAgencies.fairId, applications.fairId),
          eq(fairEmployerAgencies.employerId, applications.employerId),
        ),
      )
      .where(and(eq(applications.employerId, employerId), eq(applications.seekerUserId, seekerUserId)));
    return rows.map((r) => r.agencyId).sort();
  }

  private async owner(userId: string): Promise<Owner> {
    const owners = await this.owners([userId]);
    const owner = owners.get(userId);
    if (!owner) throw new AppError('NOT_FOUND', 'No such seeker. 求职者不存在。');
    return owner;
  }

  private async owners(userIds: string[]): Promise<Map<string, Owner>> {
    if (!userIds.length) return new Map();
    const rows = await this.db
      .select({
        id: users.id,
        displayName: users.displayName,
        phone: users.phone,
        email: users.email,
        university: seekerProfiles.university,
        cohort: seekerProfiles.cohort,
      })
      .from(users)
      .leftJoin(seekerProfiles, eq(seekerProfiles.userId, users.id))
      .where(inArray(users.id, userIds));
    return new Map(rows.map((r) => [r.id, r]));
  }
}

export function toResumeView(row: ResumeRow, owner: Owner, maskContacts: boolean): ResumeView {
  return {
    ...row.content,
    visibility: row.visibility,
    userId: row.userId,
    displayName: owner.displayName,
    university: owner.university,
    cohort: owner.cohort,
    contacts: maskContacts
      ? { phone: maskPhone(owner.phone), email: maskEmail(owner.email), masked: true }
      : { phone: owner.phone, email: owner.email, masked: false },
    updatedAt: row.updatedAt.toISOString(),
  };
}

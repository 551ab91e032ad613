import { Inject, Injectable } from '@nestjs/common';
import { businessDate, PositionInput, PositionView } from '@platform/contracts';
import { and, arrayContains, asc, count, desc, eq, gte, ilike, isNull, or, SQL } from 'drizzle-orm';
import { Actor, STAFF_ROLES } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { employers, fairEmployers, fairSessions, positions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { containsPattern } from '../../infra/database/like';
import { assertApproved, disqualified, EmployerRow, EmployersService } from '../employers/employers.service';
import { FairsService } from '../fairs/fairs.service';
import { SettingsService } from '../settings/settings.service';
import { OutreachService } from '../outreach/outreach.service';
import { SearchSync } from '../search/search-sync.service';
import { PostingDraft, runPostingRules } from './position-rules';

type PositionRow = typeof positions.$inferSelect;
const EDITABLE: PositionRow['status'][] = ['draft', 'pending_review', 'published', 'rejected'];

/**
 * Positions and their lifecycle (recruitment.md §2.4): draft → pending_review → published →
 * closed/expired, rejected back to the employer, removed by sanction. Every submission runs the
 * posting rules; a reject-level finding refuses it, a review-level one goes to the reviewer.
 */
@Injectable()
export class PositionsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly employers: EmployersService,
    private readonly fairs: FairsService,
    private readonly settings: SettingsService,
    private readonly sync: SearchSync,
    private readonly outreach: OutreachService,
  ) {}

  /** The rule check alone, for the editor's inline explanations; nothing is saved. */
  async preview(actor: Actor, draft: PostingDraft) {
    return runPostingRules(draft, await this.employers.ownedBy(actor.userId)).result;
  }

  async create(actor: Actor, input: PositionInput): Promise<PositionView> {
    const employer = await this.employers.ownedBy(actor.userId);
    await this.assertValidFields(input);
    const row = await this.db.transaction(async (tx) => {
      const [saved] = await tx
        .insert(positions)
        .values({ ...input, employerId: employer.id, status: 'draft' })
        .returning();
      await audit(tx, actor, 'position.create', saved.id);
      await this.sync.recordPositions(tx, [saved.id]);
      return saved;
    });
    this.sync.kick();
    return toPositionView(row, employer);
  }

  /** Editing a published or pending position sends it back to review (and through the rules). */
  async update(actor: Actor, positionId: string, input: PositionInput): Promise<PositionView> {
    const { position, employer } = await this.loadOwned(actor, positionId);
    if (!EDITABLE.includes(position.status)) throw notEditable(position);
    if (input.fairId !== position.fairId)
      throw new AppError(
        'VALIDATION_FAILED',
        'A position cannot move to another fair. 岗位不能更换双选会。',
        { field: 'fairId' },
      );
    await this.assertValidFields(input);
    const resubmit = position.status === 'published' || position.status === 'pending_review';
    const check = resubmit ? await this.gateSubmission(employer, input) : undefined;
    const row = await this.db.transaction(async (tx) => {
      const [saved] = await tx
        .update(positions)
        .set({ ...input, ...(check ? submittedState(check) : {}), updatedAt: new Date() })
        .where(eq(positions.id, positionId))
        .returning();
      await audit(tx, actor, resubmit ? 'position.edit_resubmit' : 'position.edit', positionId, {
        previousStatus: position.status,
      });
      await this.sync.recordPositions(tx, [positionId]);
      return saved;
    });
    this.sync.kick();
    return toPositionView(row, employer);
  }

  async submit(actor: Actor, positionId: string): Promise<PositionView> {
    const { position, employer } = await this.loadOwned(actor, positionId);
    if (position.status !== 'draft' && position.status !== 'rejected') throw notEditable(position);
    const check = await this.gateSubmission(employer, position);
    const row = await this.db.transaction(async (tx) => {
      const [saved] = await tx
        .update(positions)
        .set({ ...submittedState(check), updatedAt: new Date() })
        .where(eq(positions.id, positionId))
        .returning();
      await audit(tx, actor, 'position.submit', positionId, {
        verdict: check.result.verdict,
        ruleSetVersion: check.result.ruleSetVersion,
      });
      return saved;
    });
    this.sync.kick();
    return toPositionView(row, employer);
  }

  async close(actor: Actor, positionId: string): Promise<PositionView> {
    const { position, employer } = await this.loadOwned(actor, positionId);
    if (position.status !== 'published' && position.status !== 'pending_review') throw notEditable(position);
    const row = await this.db.transaction(async (tx) => {
      const [saved] = await tx
        .update(positions)
        .set({ status: 'closed', updatedAt: new Date() })
        .where(eq(positions.id, positionId))
        .returning();
      await audit(tx, actor, 'position.close', positionId);
      await this.sync.recordPositions(tx, [positionId]);
      return saved;
    });
    this.sync.kick();
    return toPositionView(row, employer);
  }

  /** The reviewer's decision; approval re-checks every gate, since time passed since submission. */
  async review(
    actor: Actor,
    positionId: string,
    decision: 'approve' | 'reject',
    reason?: string,
  ): Promise<PositionView> {
    if (decision === 'reject' && !reason)
      throw new AppError('REASON_REQUIRED', 'Say why the position is rejected. 请填写驳回理由。');
    const position = await this.load(positionId);
    const employer = await this.employers.load(position.employerId);
    if (position.status !== 'pending_review')
      throw new AppError(
        'STATE_TRANSITION_INVALID',
        `The position is ${position.status}, not pending review. 该岗位不在待审核状态。`,
      );
    if (decision === 'approve') await this.assertMayPublish(employer, position.fairId);
    const row = await this.db.transaction(async (tx) => {
      const [saved] = await tx
        .update(positions)
        .set({
          status: decision === 'approve' ? 'published' : 'rejected',
          publishedAt: decision === 'approve' ? new Date() : position.publishedAt,
          reviewReason: reason ?? null,
          reviewedBy: actor.userId,
          reviewedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(and(eq(positions.id, positionId), eq(positions.status, 'pending_review')))
        .returning();
      if (!saved)
        throw new AppError(
          'STATE_TRANSITION_INVALID',
          'Someone else decided this position first. 该岗位已被他人审核。',
        );
      await audit(tx, actor, `position.${decision}`, positionId, {
        reason,
        findings: position.ruleCheck?.result.findings.map((f) => f.code) ?? [],
      });
      await this.sync.recordPositions(tx, [positionId]);
      return saved;
    });
    this.sync.kick();
    if (row.status === 'published') this.outreach.enqueue(row.id);
    return toPositionView(row, employer);
  }

  /** Oldest first, key enterprises ahead (S3:2725-2729: 优先发布). */
  async reviewQueue(page: number, pageSize: number) {
    return this.list(
      eq(positions.status, 'pending_review'),
      [desc(employers.isKeyEnterprise), asc(positions.submittedAt)],
      page,
      pageSize,
    );
  }

  async mine(actor: Actor) {
    const employer = await this.employers.ownedBy(actor.userId);
    return this.list(eq(positions.employerId, employer.id), [desc(positions.updatedAt)], 1, 500);
  }

  /**
   * Published, unexpired positions of a fair, key enterprises first. With a session, only the
   * positions attached to it (AS-05); without one, all of the fair's.
   */
  async listForFair(
    fairId: string,
    query: { sessionId?: string; q?: string; page: number; pageSize: number },
  ) {
    const filters: (SQL | undefined)[] = [
      eq(positions.fairId, fairId),
      eq(positions.status, 'published'),
      or(isNull(positions.expiresOn), gte(positions.expiresOn, businessDate())),
      query.sessionId ? arrayContains(positions.sessionIds, [query.sessionId]) : undefined,
      query.q
        ? or(
            ilike(positions.title, containsPattern(query.q)),
            ilike(employers.name, containsPattern(query.q)),
          )
        : undefined,
    ];
    return this.list(
      and(...filters)!,
      [desc(employers.isKeyEnterprise), desc(positions.publishedAt)],
      query.page,
      query.pageSize,
    );
  }

  /** Published positions are public; anything else only to its employer and to staff. */
  async get(actor: Actor | undefined, positionId: string): Promise<PositionView> {
    const position = await this.load(positionId);
    const employer = await this.employers.load(position.employerId);
    if (position.status !== 'published') {
      if (!actor) throw new AppError('NOT_FOUND', 'No such position. 岗位不存在。');
      assertOwnerOrRole(actor, employer.ownerUserId, STAFF_ROLES);
    }
    return toPositionView(position, employer);
  }

  async load(positionId: string): Promise<PositionRow> {
    const [row] = await this.db.select().from(positions).where(eq(positions.id, positionId));
    if (!row) throw new AppError('NOT_FOUND', 'No such position. 岗位不存在。');
    return row;
  }

  private async list(where: SQL, order: SQL[], page: number, pageSize: number) {
    const [rows, [total]] = await Promise.all([
      this.db
        .select({ position: positions, employer: employers })
        .from(positions)
        .innerJoin(employers, eq(employers.id, positions.employerId))
        .where(where)
        .orderBy(...order)
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db
        .select({ n: count() })
        .from(positions)
        .innerJoin(employers, eq(employers.id, positions.employerId))
        .where(where),
    ]);
    return { items: rows.map((r) => toPositionView(r.position, r.employer)), total: total.n };
  }

  private async loadOwned(actor: Actor, positionId: string) {
    const position = await this.load(positionId);
    const employer = await this.employers.load(position.employerId);
    assertOwnerOrRole(actor, employer.ownerUserId);
    if (position.status === 'removed')
      throw new AppError('POSITION_REMOVED', 'This position was removed by the organizer. 该岗位已被下架。', {
        reason: position.reviewReason,
      });
    return { position, employer };
  }

  /** Everything that must hold before a posting goes to review; the content rules run last. */
  private async gateSubmission(employer: EmployerRow, draft: PostingDraft & { fairId: string }) {
    await this.assertMayPublish(employer, draft.fairId);
    const check = runPostingRules(draft, employer);
    if (check.result.verdict === 'reject') {
      throw new AppError(
        'POSITION_CONTENT_REJECTED',
        'The posting breaks the posting rules; change the marked words. 岗位信息违反发布规定，请修改标出的内容。',
        {
          check: check.result,
        },
      );
    }
    return check;
  }

  /** AS-10, AS-02, AS-13, AS-14: approved employer, open fair, not disqualified, resumption filed if required. */
  private async assertMayPublish(employer: EmployerRow, fairId: string): Promise<void> {
    assertApproved(employer);
    await this.fairs.assertAcceptsPostings(fairId);
    const [participation] = await this.db
      .select()
      .from(fairEmployers)
      .where(and(eq(fairEmployers.fairId, fairId), eq(fairEmployers.employerId, employer.id)));
    if (!participation)
      throw new AppError('EMPLOYER_NOT_IN_FAIR', 'Join the fair first. 请先报名参加该双选会。');
    if (participation.disqualifiedAt) throw disqualified(participation.disqualificationReason);
    const { resumptionFilingRequired } = await this.settings.get();
    if (resumptionFilingRequired && !employer.resumptionFiled) {
      throw new AppError(
        'EMPLOYER_RESUMPTION_NOT_FILED',
        'While the 复工报备 rule is in force, only units that filed their resumption can publish. 未经报备同意复工的企业暂不能发布岗位。',
        {
          citation: 'S3:6866-6870',
        },
      );
    }
  }

  private async assertValidFields(input: PositionInput): Promise<void> {
    if (input.salaryMin > input.salaryMax)
      throw new AppError(
        'POSITION_SALARY_RANGE_INVALID',
        'The lowest salary is above the highest. 薪资下限不能高于上限。',
        { field: 'salaryMin' },
      );
    await this.fairs.load(input.fairId);
    if (input.sessionIds.length) {
      const sessions = await this.db
        .select({ id: fairSessions.id })
        .from(fairSessions)
        .where(eq(fairSessions.fairId, input.fairId));
      const known = new Set(sessions.map((s) => s.id));
      const foreign = input.sessionIds.filter((id) => !known.has(id));
      if (foreign.length)
        throw new AppError(
          'FAIR_SESSION_NOT_IN_FAIR',
          'A chosen session belongs to another fair. 所选专场不属于该双选会。',
          { sessionIds: foreign },
        );
    }
  }
}

function submittedState(check: ReturnType<typeof runPostingRules>) {
  return {
    status: 'pending_review' as const,
    ruleCheck: check,
    submittedAt: new Date(),
    reviewReason: null,
    reviewedAt: null,
    reviewedBy: null,
  };
}

function notEditable(position: PositionRow): AppError {
  return new AppError(
    'POSITION_NOT_EDITABLE',
    `A ${position.status} position cannot do this. 当前状态的岗位不能执行此操作。`,
    { status: position.status },
  );
}

function audit(
  tx: Executor,
  actor: Actor,
  action: string,
  positionId: string,
  details: Record<string, unknown> = {},
) {
  return recordAudit(tx, {
    actorId: actor.userId,
    action,
    subjectType: 'position',
    subjectId: positionId,
    details,
  });
}

export function toPositionView(row: PositionRow, employer: EmployerRow): PositionView {
  const expired = row.status === 'published' && row.expiresOn !== null && row.expiresOn < businessDate();
  return {
    id: row.id,
    employerId: row.employerId,
    employerName: employer.name,
    isKeyEnterprise: employer.isKeyEnterprise,
    fairId: row.fairId,
    sessionIds: row.sessionIds,
    title: row.title,
    category: row.category,
    headcount: row.headcount,
    duties: row.duties,
    requirements: row.requirements,
    environment: row.environment,
    benefits: row.benefits,
    salaryMin: row.salaryMin,
    salaryMax: row.salaryMax,
    education: row.education as PositionView['education'],
    experienceYears: row.experienceYears,
    district: row.district,
    graduateSuitable: row.graduateSuitable,
    specialRecruitment: row.specialRecruitment,
    status: expired ? 'expired' : row.status,
    expiresOn: row.expiresOn,
    check: row.ruleCheck?.result ?? null,
    reviewReason: row.reviewReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

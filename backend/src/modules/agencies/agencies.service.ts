import { Inject, Injectable } from '@nestjs/common';
import {
  AgencyApplicationFacts,
  AgencyApplicationInput,
  agencyEligibilityFailures,
  beforeAgencyDeadline,
  businessDate,
} from '@platform/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { Actor, STAFF_ROLES } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { agencies, agencyApplications, agencyAttachments } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { approvedAgencies } from '../fairs/fair-participants';
import { FairsService } from '../fairs/fairs.service';
import { isUniqueViolation } from '../../common/errors/pg-errors';

type AgencyRow = typeof agencies.$inferSelect;
/** One employer of an agency's column as the read returns it (AgencyColumnEmployerSchema). */
interface ColumnEmployerRow extends Record<string, unknown> {
  id: string;
  name: string;
  industry: string;
  district: string;
  isKeyEnterprise: boolean;
  reviewStatus: 'pending' | 'approved' | 'rejected';
  selectedAt: Date;
  disqualified: boolean;
  publishedPositions: number;
  positionsInReview: number;
  applications: number;
}
type ApplicationRow = typeof agencyApplications.$inferSelect;
const MAX_ATTACHMENT_BYTES = 512 * 1024;

/** HR service agencies and their admission to fairs (recruitment.md §2.2, AS-07, AS-08). */
@Injectable()
export class AgenciesService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly fairs: FairsService,
  ) {}

  async createProfile(actor: Actor, input: { name: string; uscc: string; siteUrl: string }) {
    try {
      const [row] = await this.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(agencies)
          .values({ ...input, ownerUserId: actor.userId })
          .returning();
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'agency.register',
          subjectType: 'agency',
          subjectId: inserted[0].id,
          details: input,
        });
        return inserted;
      });
      return toAgencyView(row);
    } catch (error) {
      if (isUniqueViolation(error, 'agencies_owner_key'))
        throw new AppError('CONFLICT', 'This account already has an agency profile. 该账号已登记机构信息。');
      if (isUniqueViolation(error, 'agencies_uscc_key'))
        throw new AppError(
          'EMPLOYER_USCC_TAKEN',
          'This credit code is already registered. 该统一社会信用代码已登记。',
        );
      throw error;
    }
  }

  async mine(actor: Actor) {
    return toAgencyView(await this.ownedBy(actor.userId));
  }

  async uploadAttachment(
    actor: Actor,
    input: { kind: string; fileName: string; contentType: string; contentBase64: string },
  ) {
    const agency = await this.ownedBy(actor.userId);
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty. 文件为空。');
    if (content.length > MAX_ATTACHMENT_BYTES)
      throw new AppError('ATTACHMENT_TOO_LARGE', 'Attachments are at most 512 KiB. 附件不能超过 512 KiB。', {
        maxBytes: MAX_ATTACHMENT_BYTES,
      });
    const [row] = await this.db
      .insert(agencyAttachments)
      .values({
        agencyId: agency.id,
        kind: input.kind as never,
        fileName: input.fileName,
        contentType: input.contentType,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      })
      .returning();
    return toAttachmentView(row);
  }

  async attachments(agencyId: string) {
    const rows = await this.db
      .select()
      .from(agencyAttachments)
      .where(eq(agencyAttachments.agencyId, agencyId))
      .orderBy(desc(agencyAttachments.createdAt));
    return rows.map(toAttachmentView);
  }

  /** Owner or staff; every download is audited (personal data of the team roster). */
  async downloadAttachment(actor: Actor, attachmentId: string) {
    const [row] = await this.db
      .select()
      .from(agencyAttachments)
      .where(eq(agencyAttachments.id, attachmentId));
    if (!row) throw new AppError('NOT_FOUND', 'No such attachment. 附件不存在。');
    const [agency] = await this.db.select().from(agencies).where(eq(agencies.id, row.agencyId));
    assertOwnerOrRole(actor, agency.ownerUserId, STAFF_ROLES);
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'agency.attachment.download',
      subjectType: 'agency_attachment',
      subjectId: row.id,
      details: { agencyId: agency.id, kind: row.kind },
    });
    return row;
  }

  /** Submit (or, while undecided or rejected, resubmit) the application to a fair before its deadline. */
  async apply(actor: Actor, fairId: string, input: AgencyApplicationInput) {
    const agency = await this.ownedBy(actor.userId);
    if (agency.blacklistedAt) throw blacklisted(agency);
    const fair = await this.fairs.get(fairId);
    const today = businessDate();
    if (
      ['closed', 'cancelled'].includes(fair.phase) ||
      !beforeAgencyDeadline(today, fair.agencyDeadlineOn, fair.agencyDeadlineInclusive)
    ) {
      throw new AppError(
        'AGENCY_DEADLINE_PASSED',
        `Applications closed on ${fair.agencyDeadlineOn}. 报名已截止。`,
        {
          deadline: fair.agencyDeadlineOn,
          inclusive: fair.agencyDeadlineInclusive,
        },
      );
    }
    const kinds = [...new Set((await this.attachments(agency.id)).map((a) => a.kind))];
    const facts: AgencyApplicationFacts = { ...input, siteUrl: agency.siteUrl, attachments: kinds };
    const failedConditions = agencyEligibilityFailures(facts);
    const row = await this.db.transaction(async (tx) => {
      const [existing] = await tx
        .select()
        .from(agencyApplications)
        .where(and(eq(agencyApplications.fairId, fairId), eq(agencyApplications.agencyId, agency.id)))
        .for('update');
      if (existing?.status === 'approved')
        throw new AppError(
          'AGENCY_ALREADY_APPLIED',
          'The application was already approved. 报名已通过审核。',
        );
      const values = {
        facts,
        failedConditions,
        status: 'submitted' as const,
        submittedOn: today,
        decidedAt: null,
        decidedBy: null,
        decisionReason: null,
        updatedAt: new Date(),
      };
      const [saved] = existing
        ? await tx
            .update(agencyApplications)
            .set(values)
            .where(eq(agencyApplications.id, existing.id))
            .returning()
        : await tx
            .insert(agencyApplications)
            .values({ ...values, fairId, agencyId: agency.id })
            .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agency.application.submit',
        subjectType: 'agency_application',
        subjectId: saved.id,
        details: { failed: failedConditions.map((c) => c.code) },
      });
      return saved;
    });
    return toApplicationView(row, agency);
  }

  async myApplications(actor: Actor) {
    const agency = await this.ownedBy(actor.userId);
    const rows = await this.db
      .select()
      .from(agencyApplications)
      .where(eq(agencyApplications.agencyId, agency.id));
    return rows.map((r) => toApplicationView(r, agency));
  }

  async applicationsForFair(fairId: string) {
    const rows = await this.db
      .select({ application: agencyApplications, agency: agencies })
      .from(agencyApplications)
      .innerJoin(agencies, eq(agencies.id, agencyApplications.agencyId))
      .where(eq(agencyApplications.fairId, fairId))
      .orderBy(asc(agencyApplications.createdAt));
    return rows.map((r) => toApplicationView(r.application, r.agency));
  }

  /** An application failing any condition cannot be approved (AS-07); a rejection states why. */
  async decide(actor: Actor, applicationId: string, decision: 'approve' | 'reject', reason?: string) {
    if (decision === 'reject' && !reason)
      throw new AppError('REASON_REQUIRED', 'Say why the application is rejected. 请填写驳回理由。');
    const row = await this.db.transaction(async (tx) => {
      const [found] = await tx
        .select({ application: agencyApplications, agency: agencies })
        .from(agencyApplications)
        .innerJoin(agencies, eq(agencies.id, agencyApplications.agencyId))
        .where(eq(agencyApplications.id, applicationId))
        .for('update');
      if (!found) throw new AppError('NOT_FOUND', 'No such application. 报名不存在。');
      const { application, agency } = found;
      if (application.status !== 'submitted')
        throw new AppError(
          'STATE_TRANSITION_INVALID',
          `The application is already ${application.status}. 该报名已处理。`,
        );
      if (decision === 'approve') {
        if (agency.blacklistedAt) throw blacklisted(agency);
        if (application.failedConditions.length)
          throw new AppError(
            'AGENCY_INELIGIBLE',
            'The application fails conditions of §2.2 and cannot be approved. 报名不符合条件，不能通过。',
            {
              failedConditions: application.failedConditions,
            },
          );
      }
      const [saved] = await tx
        .update(agencyApplications)
        .set({
          status: decision === 'approve' ? 'approved' : 'rejected',
          decidedBy: actor.userId,
          decidedAt: new Date(),
          decisionReason: reason ?? null,
          updatedAt: new Date(),
        })
        .where(eq(agencyApplications.id, applicationId))
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: `agency.application.${decision}`,
        subjectType: 'agency_application',
        subjectId: applicationId,
        details: { reason },
      });
      return toApplicationView(saved, agency);
    });
    return row;
  }

  approvedForFair(fairId: string) {
    return approvedAgencies(this.db, fairId);
  }

  /**
   * The agency's column in a fair: the employers that chose it (key enterprises first, then in the
   * order they chose), each with its published positions, positions in review and applications
   * received in the fair. An agency that is not approved has no one in its column.
   */
  async column(actor: Actor, fairId: string) {
    const agency = await this.ownedBy(actor.userId);
    await this.fairs.get(fairId);
    const [application] = await this.db
      .select()
      .from(agencyApplications)
      .where(and(eq(agencyApplications.fairId, fairId), eq(agencyApplications.agencyId, agency.id)));
    // One pass over the unit's positions in the fair gives both counts.
    const { rows } = await this.db.execute<ColumnEmployerRow>(sql`
      select e.id, e.name, e.industry, e.district, e.is_key_enterprise as "isKeyEnterprise",
             e.status as "reviewStatus", fea.created_at as "selectedAt",
             fe.disqualified_at is not null as disqualified,
             p.published as "publishedPositions", p.in_review as "positionsInReview",
             (select count(*)::int from applications a
               where a.fair_id = fea.fair_id and a.employer_id = e.id) as applications
        from fair_employer_agencies fea
        join employers e on e.id = fea.employer_id
        join fair_employers fe on fe.fair_id = fea.fair_id and fe.employer_id = fea.employer_id
        cross join lateral (
          select count(*) filter (where status = 'published')::int as published,
                 count(*) filter (where status = 'pending_review')::int as in_review
            from positions where fair_id = fea.fair_id and employer_id = e.id) p
       where fea.fair_id = ${fairId} and fea.agency_id = ${agency.id}
       order by e.is_key_enterprise desc, fea.created_at, e.name`);
    const employers = rows.map((row) => ({ ...row, selectedAt: new Date(row.selectedAt).toISOString() }));
    const sum = (pick: (e: ColumnEmployerRow) => number) => rows.reduce((total, e) => total + pick(e), 0);
    return {
      fairId,
      applicationStatus: application?.status ?? null,
      fairColumnUrl: application?.facts.fairColumnUrl || null,
      freeInterviewMinutesPerEmployer: application?.facts.freeInterviewMinutesPerEmployer ?? null,
      employers,
      totals: {
        employers: employers.length,
        publishedPositions: sum((e) => e.publishedPositions),
        applications: sum((e) => e.applications),
      },
    };
  }

  async ownedBy(userId: string): Promise<AgencyRow> {
    const [row] = await this.db.select().from(agencies).where(eq(agencies.ownerUserId, userId));
    if (!row) throw new AppError('NOT_FOUND', 'Register the agency profile first. 请先登记机构信息。');
    return row;
  }
}

function blacklisted(agency: AgencyRow): AppError {
  return new AppError('AGENCY_BLACKLISTED', 'This agency is on the blacklist. 该机构已被纳入黑名单。', {
    reason: agency.blacklistReason,
  });
}

export function toAgencyView(row: AgencyRow) {
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    siteUrl: row.siteUrl,
    blacklisted: row.blacklistedAt !== null,
    blacklistReason: row.blacklistReason,
  };
}

function toAttachmentView(row: typeof agencyAttachments.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

function toApplicationView(row: ApplicationRow, agency: AgencyRow) {
  return {
    id: row.id,
    fairId: row.fairId,
    agency: toAgencyView(agency),
    facts: row.facts,
    failedConditions: row.failedConditions,
    status: row.status,
    submittedOn: row.submittedOn,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import {
  ComplaintInputSchema,
  ResolveComplaintSchema,
  SANCTION_EFFECTS,
  SanctionKind,
} from '@platform/contracts';
import { desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { Actor } from '../../common/auth/actor';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { agencies, complaints, employers, positions, sanctions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { NotificationsService } from '../notifications/notifications.service';
import { SearchSync } from '../search/search-sync.service';
import { applySanction } from './sanctions';

type ComplaintRow = typeof complaints.$inferSelect;
type TargetType = ComplaintRow['targetType'];

/** Which sanction fits which kind of report target. */
const SANCTION_SUBJECT: Record<SanctionKind, TargetType> = {
  position_removed: 'position',
  employer_disqualified: 'employer',
  agency_blacklisted: 'agency',
};

/** Reports by seekers and universities, their triage, and the sanctions they end in (§2.11, §2.15). */
@Injectable()
export class ComplaintsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly notifications: NotificationsService,
    private readonly sync: SearchSync,
  ) {}

  async file(actor: Actor, input: z.infer<typeof ComplaintInputSchema>) {
    await targetName(this.db, input.targetType, input.targetId);
    const [row] = await this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(complaints)
        .values({ ...input, reporterUserId: actor.userId })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'complaint.file',
        subjectType: 'complaint',
        subjectId: inserted[0].id,
        details: { targetType: input.targetType, targetId: input.targetId, category: input.category },
      });
      return inserted;
    });
    return this.view(row);
  }

  async mine(actor: Actor) {
    const rows = await this.db
      .select()
      .from(complaints)
      .where(eq(complaints.reporterUserId, actor.userId))
      .orderBy(desc(complaints.createdAt));
    return Promise.all(rows.map((r) => this.view(r)));
  }

  async list(status?: ComplaintRow['status']) {
    const rows = await this.db
      .select()
      .from(complaints)
      .where(status ? eq(complaints.status, status) : undefined)
      .orderBy(desc(complaints.createdAt))
      .limit(200);
    return Promise.all(rows.map((r) => this.view(r)));
  }

  /** Triage or close a report; a confirmed one may carry a sanction, applied in the same transaction. */
  async handle(actor: Actor, complaintId: string, input: z.infer<typeof ResolveComplaintSchema>) {
    if (input.outcome !== 'investigating' && !input.resolution)
      throw new AppError('REASON_REQUIRED', 'Record how the report was resolved. 请填写处理结果。');
    if (input.sanction && input.outcome !== 'resolved')
      throw new AppError(
        'STATE_TRANSITION_INVALID',
        'Only a resolved report carries a sanction. 只有已查实的投诉可以采取处理措施。',
      );
    const notify = await this.db.transaction(async (tx) => {
      const [complaint] = await tx
        .select()
        .from(complaints)
        .where(eq(complaints.id, complaintId))
        .for('update');
      if (!complaint) throw new AppError('NOT_FOUND', 'No such report. 投诉不存在。');
      if (complaint.status === 'resolved' || complaint.status === 'dismissed')
        throw new AppError('STATE_TRANSITION_INVALID', 'This report is already closed. 该投诉已办结。');
      await tx
        .update(complaints)
        .set({
          status: input.outcome,
          resolution: input.resolution ?? complaint.resolution,
          handledBy: actor.userId,
          updatedAt: new Date(),
        })
        .where(eq(complaints.id, complaintId));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: `complaint.${input.outcome}`,
        subjectType: 'complaint',
        subjectId: complaintId,
        details: { resolution: input.resolution, sanction: input.sanction },
      });
      if (!input.sanction) return () => undefined;
      return this.sanctionInTx(tx, actor, {
        kind: input.sanction,
        subjectId: await sanctionSubject(tx, complaint, input.sanction),
        fairId: complaint.fairId,
        reason: input.resolution!,
        referToAuthority: input.referToAuthority,
        complaintId,
      });
    });
    notify();
    this.sync.kick();
    const [row] = await this.db.select().from(complaints).where(eq(complaints.id, complaintId));
    return this.view(row);
  }

  /** A sanction applied directly by an organizer, without a report (e.g. a regulator's finding). */
  async sanction(
    actor: Actor,
    input: {
      kind: SanctionKind;
      subjectId: string;
      fairId?: string;
      reason: string;
      referToAuthority: boolean;
    },
  ) {
    const notify = await this.db.transaction((tx) =>
      this.sanctionInTx(tx, actor, { ...input, complaintId: null }),
    );
    notify();
  }

  private async sanctionInTx(
    tx: Executor,
    actor: Actor,
    input: {
      kind: SanctionKind;
      subjectId: string;
      fairId?: string | null;
      reason: string;
      referToAuthority: boolean;
      complaintId: string | null;
    },
  ) {
    const outcome = await applySanction(tx, input);
    await this.sync.recordPositions(tx, outcome.positionIds);
    const [sanction] = await tx
      .insert(sanctions)
      .values({
        kind: input.kind,
        subjectId: input.subjectId,
        fairId: input.fairId ?? null,
        complaintId: input.complaintId,
        reason: input.reason,
        referredToAuthority: input.referToAuthority,
        effects: outcome.effects,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: `sanction.${input.kind}`,
      subjectType: SANCTION_SUBJECT[input.kind],
      subjectId: input.subjectId,
      details: { sanctionId: sanction.id, ...outcome.effects },
    });
    return this.notifications.store(tx, outcome.notify, {
      kind: `sanction.${input.kind}`,
      title: SANCTION_EFFECTS[input.kind],
      body: input.reason,
    });
  }

  private async view(row: ComplaintRow) {
    const applied = await this.db.select().from(sanctions).where(eq(sanctions.complaintId, row.id));
    return {
      id: row.id,
      reporterKind: row.reporterKind,
      reporterOrganization: row.reporterOrganization,
      targetType: row.targetType,
      targetId: row.targetId,
      targetName: await targetName(this.db, row.targetType, row.targetId).catch(() => null),
      fairId: row.fairId,
      category: row.category as never,
      description: row.description,
      status: row.status,
      resolution: row.resolution,
      createdAt: row.createdAt.toISOString(),
      sanctions: applied.map((s) => ({
        id: s.id,
        kind: s.kind,
        reason: s.reason,
        referredToAuthority: s.referredToAuthority,
        effects: s.effects as Record<string, unknown>,
        createdAt: s.createdAt.toISOString(),
      })),
    };
  }
}

async function targetName(db: Executor, type: TargetType, id: string): Promise<string> {
  const table = { position: positions, employer: employers, agency: agencies }[type];
  const nameColumn =
    type === 'position' ? positions.title : type === 'employer' ? employers.name : agencies.name;
  const [row] = await db
    .select({ name: nameColumn })
    .from(table)
    .where(inArray(table.id, [id]));
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      'The reported position, employer or agency does not exist. 投诉对象不存在。',
    );
  return row.name;
}

/** A report on a position may still end in its employer's disqualification. */
async function sanctionSubject(tx: Executor, complaint: ComplaintRow, kind: SanctionKind): Promise<string> {
  const needed = SANCTION_SUBJECT[kind];
  if (complaint.targetType === needed) return complaint.targetId;
  if (complaint.targetType === 'position' && needed === 'employer') {
    const [position] = await tx
      .select({ employerId: positions.employerId })
      .from(positions)
      .where(eq(positions.id, complaint.targetId));
    if (position) return position.employerId;
  }
  throw new AppError(
    'SANCTION_TARGET_MISMATCH',
    `A ${complaint.targetType} report cannot end in ${kind}. 处理措施与投诉对象不符。`,
    {
      targetType: complaint.targetType,
      sanction: kind,
    },
  );
}

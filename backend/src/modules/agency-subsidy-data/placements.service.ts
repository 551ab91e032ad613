import { Inject, Injectable } from '@nestjs/common';
import {
  businessDate,
  checkPlacement,
  ErrorCode,
  maskName,
  maskPhone,
  PlacementForm,
  PlacementRaw,
  PlacementView,
} from '@platform/contracts';
import { and, desc, eq, gte, ilike, inArray, lte, or, SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { PiiCipher } from '../../common/pii/pii-cipher';
import {
  agencies,
  agencyPlacements,
  employers,
  placementEvidence,
  subsidyWorkers,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { RowRefused, storePlacement } from './placement-store';

const MAX_EVIDENCE_BYTES = 512 * 1024;
const REFUSAL_CODES: Partial<Record<string, ErrorCode>> = {
  PLACEMENT_DUPLICATE: 'PLACEMENT_DUPLICATE',
  EMPLOYER_NOT_FOUND: 'EMPLOYER_NOT_FOUND',
  AGREEMENT_MISMATCH: 'PLACEMENT_AGREEMENT_MISMATCH',
};
type ListQuery = {
  status?: 'active' | 'withdrawn';
  channel?: PlacementView['channel'];
  q?: string;
  referredFrom?: string;
  referredTo?: string;
  agencyId?: string;
};

/** Placements an agency records (§5.1 Placement) with their evidence; staff read them all. */
@Injectable()
export class PlacementsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly pii: PiiCipher,
  ) {}

  async ownAgency(actor: Actor) {
    const [agency] = await this.db.select().from(agencies).where(eq(agencies.ownerUserId, actor.userId));
    if (!agency)
      throw new AppError('AGENCY_PROFILE_MISSING', 'Register the agency profile first. 请先登记机构信息。');
    return agency;
  }

  async create(actor: Actor, form: PlacementForm): Promise<PlacementView> {
    const agency = await this.ownAgency(actor);
    const { agreementId, categories, openEnded, ...cells } = form;
    const raw: PlacementRaw = {
      ...cells,
      categories: categories.join('、'),
      openEnded: openEnded ? '是' : '否',
    };
    const today = businessDate();
    const { draft, errors } = checkPlacement(raw, today);
    if (!draft)
      throw new AppError('PLACEMENT_INVALID', 'The placement has errors. 登记信息有误。', { errors });
    const row = await this.db
      .transaction(async (tx) => {
        const saved = await storePlacement(tx, this.pii, draft, {
          agencyId: agency.id,
          actorId: actor.userId,
          claimDate: today,
          source: 'manual',
          batchId: null,
          agreementId: agreementId ?? null,
        });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'agency_placement.create',
          subjectType: 'agency_placement',
          subjectId: saved.id,
          details: { agencyId: agency.id, employerUscc: draft.employerUscc, source: 'manual' },
        });
        return saved;
      })
      .catch((error: unknown) => {
        if (!(error instanceof RowRefused)) throw error;
        throw new AppError(REFUSAL_CODES[error.error.code] ?? 'PLACEMENT_INVALID', error.message, {
          errors: [{ row: 0, ...error.error }],
        });
      });
    return this.view(actor, row.id);
  }

  async list(actor: Actor, query: ListQuery): Promise<PlacementView[]> {
    const staff = hasAnyRole(actor, STAFF_ROLES);
    const agencyId = staff ? query.agencyId : (await this.ownAgency(actor)).id;
    const filters: (SQL | undefined)[] = [
      agencyId ? eq(agencyPlacements.agencyId, agencyId) : undefined,
      query.status ? eq(agencyPlacements.status, query.status) : undefined,
      query.channel ? eq(agencyPlacements.channel, query.channel) : undefined,
      query.referredFrom ? gte(agencyPlacements.referralDate, query.referredFrom) : undefined,
      query.referredTo ? lte(agencyPlacements.referralDate, query.referredTo) : undefined,
      query.q
        ? or(
            ilike(subsidyWorkers.realName, `%${query.q}%`),
            ilike(subsidyWorkers.idNumberMasked, `%${query.q}`),
            ilike(employers.name, `%${query.q}%`),
            ilike(agencyPlacements.positionTitle, `%${query.q}%`),
          )
        : undefined,
    ];
    const rows = await this.rows(and(...filters), 500);
    return this.withEvidence(rows);
  }

  async view(actor: Actor, placementId: string): Promise<PlacementView> {
    const [row] = await this.rows(eq(agencyPlacements.id, placementId), 1);
    if (!row) throw new AppError('PLACEMENT_NOT_FOUND', 'No such placement. 登记记录不存在。');
    assertOwnerOrRole(actor, row.agency.ownerUserId, STAFF_ROLES);
    const [withEvidence] = await this.withEvidence([row]);
    return withEvidence;
  }

  async withdraw(actor: Actor, placementId: string, reason: string): Promise<PlacementView> {
    const placement = await this.owned(actor, placementId);
    await this.db.transaction(async (tx) => {
      await tx
        .update(agencyPlacements)
        .set({ status: 'withdrawn', updatedAt: new Date() })
        .where(eq(agencyPlacements.id, placement.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agency_placement.withdraw',
        subjectType: 'agency_placement',
        subjectId: placement.id,
        details: { reason },
      });
    });
    return this.view(actor, placement.id);
  }

  async addEvidence(
    actor: Actor,
    placementId: string,
    input: { kind: string; fileName: string; contentType: string; contentBase64: string },
  ) {
    const placement = await this.owned(actor, placementId);
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty. 文件为空。');
    if (content.length > MAX_EVIDENCE_BYTES)
      throw new AppError('EVIDENCE_TOO_LARGE', 'Evidence files are at most 512 KiB. 材料不能超过 512 KiB。', {
        maxBytes: MAX_EVIDENCE_BYTES,
      });
    const row = await this.db.transaction(async (tx) => {
      const [saved] = await tx
        .insert(placementEvidence)
        .values({
          placementId: placement.id,
          kind: input.kind,
          fileName: input.fileName,
          contentType: input.contentType,
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agency_placement.evidence.upload',
        subjectType: 'placement_evidence',
        subjectId: saved.id,
        details: { placementId: placement.id, kind: input.kind, sha256: saved.sha256 },
      });
      return saved;
    });
    return evidenceView(row);
  }

  /** The agency that recorded it or staff; every download is audited (personal documents). */
  async downloadEvidence(actor: Actor, evidenceId: string) {
    const [row] = await this.db
      .select({ evidence: placementEvidence, ownerUserId: agencies.ownerUserId })
      .from(placementEvidence)
      .innerJoin(agencyPlacements, eq(agencyPlacements.id, placementEvidence.placementId))
      .innerJoin(agencies, eq(agencies.id, agencyPlacements.agencyId))
      .where(eq(placementEvidence.id, evidenceId));
    if (!row) throw new AppError('NOT_FOUND', 'No such evidence file. 材料不存在。');
    assertOwnerOrRole(actor, row.ownerUserId, STAFF_ROLES);
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'agency_placement.evidence.download',
      subjectType: 'placement_evidence',
      subjectId: row.evidence.id,
      details: { placementId: row.evidence.placementId, kind: row.evidence.kind },
    });
    return row.evidence;
  }

  /** Only the recording agency changes a placement, and only while it is live. */
  private async owned(actor: Actor, placementId: string) {
    const [row] = await this.db
      .select({ placement: agencyPlacements, ownerUserId: agencies.ownerUserId })
      .from(agencyPlacements)
      .innerJoin(agencies, eq(agencies.id, agencyPlacements.agencyId))
      .where(eq(agencyPlacements.id, placementId));
    if (!row) throw new AppError('PLACEMENT_NOT_FOUND', 'No such placement. 登记记录不存在。');
    assertOwnerOrRole(actor, row.ownerUserId);
    if (row.placement.status !== 'active')
      throw new AppError('PLACEMENT_WITHDRAWN', 'The placement was withdrawn. 该登记已撤回。');
    return row.placement;
  }

  private rows(where: SQL | undefined, limit: number) {
    return this.db
      .select({ placement: agencyPlacements, worker: subsidyWorkers, employer: employers, agency: agencies })
      .from(agencyPlacements)
      .innerJoin(subsidyWorkers, eq(subsidyWorkers.id, agencyPlacements.workerId))
      .innerJoin(employers, eq(employers.id, agencyPlacements.employerId))
      .innerJoin(agencies, eq(agencies.id, agencyPlacements.agencyId))
      .where(where)
      .orderBy(desc(agencyPlacements.createdAt))
      .limit(limit);
  }

  private async withEvidence(rows: Awaited<ReturnType<PlacementsService['rows']>>): Promise<PlacementView[]> {
    const ids = rows.map((r) => r.placement.id);
    const files = ids.length
      ? await this.db
          .select()
          .from(placementEvidence)
          .where(inArray(placementEvidence.placementId, ids))
          .orderBy(placementEvidence.createdAt)
      : [];
    return rows.map(({ placement: p, worker, employer, agency }) => ({
      id: p.id,
      agencyId: agency.id,
      agencyName: agency.name,
      worker: {
        id: worker.id,
        name: maskName(worker.realName) ?? '',
        idNumberMasked: worker.idNumberMasked,
        phoneMasked: maskPhone(worker.phone),
        categories: worker.categories,
      },
      employer: { id: employer.id, name: employer.name, uscc: employer.uscc },
      positionTitle: p.positionTitle,
      referralDate: p.referralDate,
      feeChargedFen: p.feeChargedFen,
      channel: p.channel,
      agreementId: p.agreementId,
      contractPartyUscc: p.contractPartyUscc,
      signDate: p.signDate,
      startDate: p.startDate,
      endDate: p.endDate,
      openEnded: p.openEnded,
      claimDate: p.claimDate,
      source: p.source,
      status: p.status,
      evidence: files.filter((f) => f.placementId === p.id).map(evidenceView),
      createdAt: p.createdAt.toISOString(),
    }));
  }
}

function evidenceView(row: typeof placementEvidence.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt.toISOString(),
  };
}

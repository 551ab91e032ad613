import {
  maskIdNumber,
  PLACEMENT_COLUMNS,
  PlacementDraft,
  PlacementRowCode,
  RowError,
} from '@platform/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import type { PiiCipher } from '../../common/pii/pii-cipher';
import {
  agencyPlacements,
  agreements,
  applications,
  employers,
  seekerProfiles,
  subsidyWorkers,
} from '../../database/schema';
import type { Database } from '../../infra/database/database';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** A row refused by a check that needs the database (unknown employer, duplicate, contract mismatch). */
export class RowRefused extends Error {
  constructor(readonly error: Omit<RowError, 'row'>) {
    super(error.message);
  }
}

const refuse = (column: keyof typeof PLACEMENT_COLUMNS | null, code: PlacementRowCode, message: string) =>
  new RowRefused({ column: column ? PLACEMENT_COLUMNS[column] : null, code, message });

export interface StoreContext {
  agencyId: string;
  actorId: string;
  claimDate: string;
  source: 'manual' | 'import';
  batchId: string | null;
  agreementId: string | null;
}

/**
 * Writes one checked placement in the caller's transaction: the worker by keyed hash of her
 * 身份证 (shared by every agency that places her), the link to the platform's e-contract when
 * one exists, and the placement. Throws RowRefused for what only the database can tell.
 */
export async function storePlacement(tx: Tx, pii: PiiCipher, draft: PlacementDraft, ctx: StoreContext) {
  const [employer] = await tx
    .select({ id: employers.id })
    .from(employers)
    .where(eq(employers.uscc, draft.employerUscc))
    .limit(1);
  if (!employer)
    throw refuse('employerUscc', 'EMPLOYER_NOT_FOUND', '该统一社会信用代码的用人单位未在平台注册');
  const workerId = await upsertWorker(tx, pii, draft);
  const agreementId = await linkedAgreement(tx, draft, employer.id, ctx.agreementId, pii);
  const contractKey = agreementId ?? `${draft.contractPartyUscc}:${draft.signDate}`;
  try {
    // A savepoint, so a duplicate refuses this row and leaves the caller's transaction usable.
    return await tx.transaction(async (sp) => {
      const [row] = await sp
        .insert(agencyPlacements)
        .values({
          agencyId: ctx.agencyId,
          workerId,
          employerId: employer.id,
          positionTitle: draft.positionTitle,
          referralDate: draft.referralDate,
          channel: draft.channel,
          feeChargedFen: draft.feeChargedFen,
          agreementId,
          contractKey,
          contractPartyUscc: draft.contractPartyUscc,
          signDate: draft.signDate,
          startDate: draft.startDate,
          endDate: draft.endDate,
          openEnded: draft.openEnded,
          claimDate: ctx.claimDate,
          source: ctx.source,
          importBatchId: ctx.batchId,
          createdBy: ctx.actorId,
        })
        .returning();
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'agency_placements_live_key'))
      throw refuse(null, 'PLACEMENT_DUPLICATE', '该机构已登记此人员的同一劳动合同');
    throw error;
  }
}

async function upsertWorker(tx: Tx, pii: PiiCipher, draft: PlacementDraft): Promise<string> {
  const hash = pii.lookupHash(draft.idNumber);
  const [profile] = await tx
    .select({ userId: seekerProfiles.userId })
    .from(seekerProfiles)
    .where(eq(seekerProfiles.idNumberHash, hash));
  const [row] = await tx
    .insert(subsidyWorkers)
    .values({
      idNumberHash: hash,
      idNumberCipher: pii.encrypt(draft.idNumber),
      idNumberMasked: maskIdNumber(draft.idNumber) ?? '',
      realName: draft.realName,
      phone: draft.phone,
      categories: draft.categories,
      schoolLeaveDate: draft.schoolLeaveDate,
      unemploymentRegistrationDate: draft.unemploymentRegistrationDate,
      userId: profile?.userId ?? null,
    })
    .onConflictDoUpdate({
      target: subsidyWorkers.idNumberHash,
      // Categories accumulate (several agencies may know different facts); dates fill gaps only.
      set: {
        phone: draft.phone,
        categories: sql`(select coalesce(jsonb_agg(distinct c), '[]'::jsonb) from jsonb_array_elements(${subsidyWorkers.categories} || excluded.categories) c)`,
        schoolLeaveDate: sql`coalesce(${subsidyWorkers.schoolLeaveDate}, excluded.school_leave_date)`,
        unemploymentRegistrationDate: sql`coalesce(${subsidyWorkers.unemploymentRegistrationDate}, excluded.unemployment_registration_date)`,
        userId: sql`coalesce(${subsidyWorkers.userId}, excluded.user_id)`,
        updatedAt: new Date(),
      },
    })
    .returning({ id: subsidyWorkers.id });
  return row.id;
}

/**
 * The signed e-contract of this person with this employer: the one named, which must match, or
 * else the one the platform has (the placement then counts the same contract as the platform).
 */
async function linkedAgreement(
  tx: Tx,
  draft: PlacementDraft,
  employerId: string,
  named: string | null,
  pii: PiiCipher,
): Promise<string | null> {
  const hash = pii.lookupHash(draft.idNumber);
  const rows = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(applications, eq(applications.id, agreements.applicationId))
    .innerJoin(seekerProfiles, eq(seekerProfiles.userId, applications.seekerUserId))
    .where(
      and(
        eq(agreements.status, 'signed'),
        eq(applications.employerId, employerId),
        eq(seekerProfiles.idNumberHash, hash),
        named ? eq(agreements.id, named) : undefined,
      ),
    )
    .limit(1);
  if (named && !rows[0])
    throw refuse(null, 'AGREEMENT_MISMATCH', '所选电子合同不是该人员与该用人单位已签署的合同');
  return rows[0]?.id ?? null;
}

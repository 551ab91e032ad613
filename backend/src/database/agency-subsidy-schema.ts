import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TrailStep, WorkerCategory } from '@platform/contracts';
import { createdAt, updatedAt } from './columns';
import { agencies, employers, positions } from './fair-schema';
import { users } from './schema';
import { agreements } from './seeker-schema';

/**
 * HR-agency service subsidies (subsidies.md §4 A1-A5, §5 Algorithm 1, recruitment.md §2.12):
 * the facts (workers, placements with their evidence, social-insurance months from the 社保
 * export, the key-enterprise registry), the versioned policy, and what the computation derives
 * from them (periods, runs, lines with their trails and stored inputs, claims through 公示 to
 * payment). Money is integer fen.
 */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const instant = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });

export const agencySubsidyPolicyVersions = pgTable(
  'agency_subsidy_policy_versions',
  {
    version: text('version').primaryKey(),
    effectiveFrom: instant('effective_from').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('agency_subsidy_policy_versions_effective_idx').on(t.effectiveFrom)],
);

/** 工业"双百企业", 制造业产业链龙头企业 "等" (003:L4119-4120), by credit code with effective dates. */
export const keyEnterpriseRegistry = pgTable(
  'key_enterprise_registry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    listName: text('list_name').notNull(),
    fromDate: day('from_date').notNull(),
    toDate: day('to_date'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('key_enterprise_registry_uscc_idx').on(t.uscc)],
);

export interface CategoryEvidence {
  category: WorkerCategory;
  docId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** A placed person, one row per 身份证 (keyed hash), whichever agency placed her. */
export const subsidyWorkers = pgTable(
  'subsidy_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idNumberHash: text('id_number_hash').notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    realName: text('real_name').notNull(),
    /** As the placing agency gave it; shown masked. */
    phone: text('phone'),
    categories: jsonb('categories').$type<WorkerCategory[]>().notNull().default([]),
    categoryEvidence: jsonb('category_evidence').$type<CategoryEvidence[]>().notNull().default([]),
    schoolLeaveDate: day('school_leave_date'),
    unemploymentRegistrationDate: day('unemployment_registration_date'),
    /** The platform account of the same person, when she has one (she may see who claimed her). */
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('subsidy_workers_id_hash_key').on(t.idNumberHash),
    index('subsidy_workers_user_idx').on(t.userId),
  ],
);

export interface ImportRowError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export const placementImportBatches = pgTable('placement_import_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  fileName: text('file_name').notNull(),
  totalRows: integer('total_rows').notNull(),
  importedRows: integer('imported_rows').notNull(),
  errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** One referral by an agency that led to a labour contract (§5.1 Placement). */
export const agencyPlacements = pgTable(
  'agency_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => subsidyWorkers.id),
    /** The target employer the agency introduced the worker to. */
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    positionId: uuid('position_id').references(() => positions.id),
    /** The position as the agency named it (a placement need not be a posted position). */
    positionTitle: text('position_title'),
    referralDate: day('referral_date').notNull(),
    /** False while a reviewer disputes the referral date; de-duplication counts verified ones only. */
    referralVerified: boolean('referral_verified').notNull().default(true),
    channel: text('channel').$type<'A3_ACTIVITY' | 'A4_ACTIVITY' | 'OTHER'>().notNull(),
    feeChargedFen: integer('fee_charged_fen').notNull(),
    /** The platform's e-contract when one exists; otherwise the contract as declared. */
    agreementId: uuid('agreement_id').references(() => agreements.id),
    /** Same contract, same key, whichever agency claims it: agreement id or `<party uscc>:<sign date>`. */
    contractKey: text('contract_key').notNull(),
    /** 统一社会信用代码 of the contract's legal counter-party (an agency in 派遣 is not the target). */
    contractPartyUscc: text('contract_party_uscc').notNull(),
    signDate: day('sign_date').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    openEnded: boolean('open_ended').notNull().default(false),
    taskBased: boolean('task_based').notNull().default(false),
    /** The day the agency claims it (§5.1 claim_date); decides the period it is computed in. */
    claimDate: day('claim_date').notNull(),
    source: text('source').$type<'manual' | 'import'>().notNull(),
    importBatchId: uuid('import_batch_id').references(() => placementImportBatches.id),
    status: text('status').$type<'active' | 'withdrawn'>().notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agency_placements_agency_claim_idx').on(t.agencyId, t.claimDate),
    index('agency_placements_worker_idx').on(t.workerId, t.contractKey),
    // One live placement per agency, worker and contract; a withdrawn one may be recorded again.
    uniqueIndex('agency_placements_live_key')
      .on(t.agencyId, t.workerId, t.contractKey)
      .where(sql`${t.status} = 'active'`),
  ],
);

export const placementEvidence = pgTable(
  'placement_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => agencyPlacements.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('placement_evidence_placement_idx').on(t.placementId)],
);

/** Staff imports of the 社保 system's export; never entered by the agency that claims. */
export const siImportBatches = pgTable('si_import_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  totalRows: integer('total_rows').notNull(),
  importedRows: integer('imported_rows').notNull(),
  errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** One month of contributions of one worker with one employer (by the employer's credit code). */
export const socialInsuranceMonths = pgTable(
  'social_insurance_months',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => subsidyWorkers.id),
    employerUscc: text('employer_uscc').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    status: text('status')
      .$type<
        'PAID' | 'EMPLOYER_PART_WAIVED_INDIVIDUAL_PAID' | 'DEFERRED_UNPAID' | 'DEFERRED_PAID' | 'UNPAID'
      >()
      .notNull(),
    batchId: uuid('batch_id').references(() => siImportBatches.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('social_insurance_months_key').on(t.workerId, t.employerUscc, t.month)],
);

/** A claim period, e.g. one month; activity subsidies (A3-A5) settle on their settlement day. */
export const subsidyPeriods = pgTable(
  'subsidy_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    label: text('label').notNull(),
    fromDate: day('from_date').notNull(),
    toDate: day('to_date').notNull(),
    activitySettlementDate: day('activity_settlement_date'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('subsidy_periods_range_key').on(t.fromDate, t.toDate)],
);

/** One computation of a period (a BullMQ flow): its policy version and live progress. */
export const subsidyRuns = pgTable(
  'subsidy_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => subsidyPeriods.id),
    policyVersion: text('policy_version').notNull(),
    /** running | completed | failed */
    status: text('status').notNull().default('running'),
    agenciesTotal: integer('agencies_total').notNull().default(0),
    agenciesDone: integer('agencies_done').notNull().default(0),
    placementsTotal: integer('placements_total').notNull().default(0),
    placementsDone: integer('placements_done').notNull().default(0),
    error: text('error'),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: createdAt(),
    finishedAt: instant('finished_at'),
  },
  (t) => [index('subsidy_runs_period_idx').on(t.periodId, t.startedAt)],
);

/**
 * The chunks of a run that have stored their lines: the run's progress counts each chunk once
 * (a chunk run again after a crash finds its row), without counting the run's lines each time.
 */
export const subsidyRunChunks = pgTable(
  'subsidy_run_chunks',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => subsidyRuns.id),
    agencyId: uuid('agency_id').notNull(),
    chunk: integer('chunk').notNull(),
    placements: integer('placements').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.agencyId, t.chunk] })],
);

/** A claim of one agency for one period: its lines go through review, 公示 and payment. */
export const agencySubsidyClaims = pgTable(
  'agency_subsidy_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => subsidyPeriods.id),
    /** submitted | in_notice | paid | rejected */
    status: text('status').notNull(),
    claimedFen: integer('claimed_fen').notNull(),
    approvedFen: integer('approved_fen').notNull().default(0),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: createdAt(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: instant('reviewed_at'),
    noticeFrom: day('notice_from'),
    noticeUntil: day('notice_until'),
    paidBy: uuid('paid_by').references(() => users.id),
    paidAt: instant('paid_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('agency_subsidy_claims_live_key')
      .on(t.agencyId, t.periodId)
      .where(sql`${t.status} <> 'rejected'`),
    index('agency_subsidy_claims_status_idx').on(t.status),
  ],
);

/**
 * A computed line (§5.3): the engine's status, reason and trail, the exact input slice and policy
 * version it was decided on (replayable), then the reviewer's and the payer's steps.
 */
export const subsidyLines = pgTable(
  'subsidy_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * The period and the run are the same for every line a statement writes: they are checked
     * once per statement, not once per line, by triggers (migration 0024) that do what a foreign
     * key does (lock the row, refuse a missing one, refuse to delete a referenced one).
     */
    periodId: uuid('period_id').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    lineKey: text('line_key').notNull(),
    kind: text('kind').$type<'placement' | 'activity'>().notNull(),
    placementId: uuid('placement_id').references(() => agencyPlacements.id),
    workerId: uuid('worker_id').references(() => subsidyWorkers.id),
    contractKey: text('contract_key'),
    scheme: text('scheme'),
    amountFen: integer('amount_fen').notNull(),
    /** PENDING_MATURITY | ELIGIBLE | HELD | REJECTED | APPROVED | PAID | RECOVERED */
    status: text('status').notNull(),
    reasonCode: text('reason_code'),
    reasonDetails: jsonb('reason_details').$type<string[]>().notNull().default([]),
    detail: text('detail'),
    basis: integer('basis'),
    trail: jsonb('trail').$type<TrailStep[]>().notNull(),
    /** The AgencyPeriodInput slice this line was decided on. */
    input: jsonb('input').notNull(),
    inputHash: text('input_hash').notNull(),
    policyVersion: text('policy_version').notNull(),
    runId: uuid('run_id'),
    claimId: uuid('claim_id').references(() => agencySubsidyClaims.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: instant('reviewed_at'),
    reviewReason: text('review_reason'),
    computedAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('subsidy_lines_period_key').on(t.periodId, t.lineKey),
    index('subsidy_lines_agency_idx').on(t.agencyId, t.periodId),
    index('subsidy_lines_worker_idx').on(t.workerId, t.contractKey),
    index('subsidy_lines_claim_idx').on(t.claimId),
    // A placement's latest decision (carried over while pending maturity) by an index, not a scan.
    index('subsidy_lines_placement_idx').on(t.placementId),
    // The ledger's approved and paid lines of a chunk's workers: few rows, read for every chunk.
    index('subsidy_lines_paid_worker_idx')
      .on(t.workerId)
      .where(sql`${t.status} in ('APPROVED', 'PAID')`),
  ],
);

/**
 * 线上引才 (A4) and résumé downloads (A5) happen on 重庆英才网, outside the platform: designated
 * staff import the centre's statistics (activity_import), never the agency that claims.
 */
export const activityImportBatches = pgTable('activity_import_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'A4' | 'A5'>().notNull(),
  fileName: text('file_name').notNull(),
  totalRows: integer('total_rows').notNull(),
  importedRows: integer('imported_rows').notNull(),
  updatedRows: integer('updated_rows').notNull().default(0),
  errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** Agencies on the city's published list of the 市级线上引才 campaign (A4/A5 need it, 003:L7362). */
export const yingcaiListedAgencies = pgTable('yingcai_listed_agencies', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  listedBy: uuid('listed_by').references(() => users.id),
  listedAt: createdAt(),
});

/** One employer served by one agency in the 市级线上引才 campaign (A4), by credit code. */
export const a4EmployerServices = pgTable(
  'a4_employer_services',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    employerUscc: text('employer_uscc').notNull(),
    employerName: text('employer_name').notNull(),
    served: boolean('served').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => activityImportBatches.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('a4_employer_services_key').on(t.agencyId, t.employerUscc)],
);

/** One résumé download in 重庆英才网's statistics (A5), with the facts of the 人才 test. */
export const a5ResumeDownloads = pgTable(
  'a5_resume_downloads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 英才网's own download number: a download is counted once. */
    downloadRef: text('download_ref').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    employerUscc: text('employer_uscc').notNull(),
    resumeRef: text('resume_ref').notNull(),
    listPriceFen: integer('list_price_fen').notNull(),
    downloadedOn: day('downloaded_on').notNull(),
    countedByYingcai: boolean('counted_by_yingcai').notNull(),
    /** 元 per year. */
    offeredAnnualSalary: integer('offered_annual_salary'),
    employerRegion: text('employer_region').$type<'MAIN_CITY' | 'NORTHEAST_SOUTHEAST' | 'OTHER'>().notNull(),
    degree: text('degree').$type<'PHD' | 'MASTER' | 'BACHELOR' | 'COLLEGE' | 'OTHER'>().notNull(),
    titleAssociateSeniorOrAbove: boolean('title_associate_senior_or_above').notNull(),
    skillGradeSeniorTechnicianOrAbove: boolean('skill_grade_senior_technician_or_above').notNull(),
    employerIsMunicipalUnivHospResearch: boolean('employer_is_municipal_univ_hosp_research').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => activityImportBatches.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('a5_resume_downloads_ref_key').on(t.downloadRef),
    index('a5_resume_downloads_agency_idx').on(t.agencyId),
  ],
);

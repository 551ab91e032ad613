/**
 * What Algorithm 1 produces: lines, each ending in one status with one reason code and the trail
 * of rules it passed through (rule code, outcome, seed citation), so a claimant can read why.
 */
export const LINE_STATUSES = [
  'PENDING_MATURITY',
  'ELIGIBLE',
  'HELD',
  'REJECTED',
  'APPROVED',
  'PAID',
  'RECOVERED',
] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
/** The statuses the engine decides; the rest are set by reviewers and payment. */
export type EngineLineStatus = Extract<LineStatus, 'PENDING_MATURITY' | 'ELIGIBLE' | 'HELD' | 'REJECTED'>;

export const AGENCY_SUBSIDY_SCHEMES = [
  'A1_BASIC',
  'A1_HARD',
  'A2_GRAD',
  'A3_EMPLOYER_SERVICE',
  'A4_EMPLOYER_SERVICE',
  'A5_RESUME_RELIEF_REIMBURSEMENT',
  'A6_JOB_INTRODUCTION',
  'A7_LABOUR_EXPORT',
  'A8_POOR_LABOUR_EXPORT',
] as const;
export type AgencySubsidyScheme = (typeof AGENCY_SUBSIDY_SCHEMES)[number];

export interface TrailStep {
  /** e.g. AGENCY_GATE, INPUT_VALID, CONTRACT_TERM, SI_MONTHS, A1_WINDOW, A1_KEY_ENTERPRISE, NO_STACKING, DEDUP. */
  rule: string;
  outcome: 'pass' | 'fail' | 'manual' | 'info';
  /** Seed citation such as "003:L4121-4123", or "INFERRED"/"GAP" with the §9 parameter. */
  citation: string;
  /** One sentence, Chinese first, that a claimant understands. */
  note: string;
  values?: Record<string, string | number | boolean | null>;
}

export interface AgencySubsidyLine {
  /** Deterministic within a period: placement lines `P:<placementId>`, activity lines `A3:<agencyId>`. */
  lineKey: string;
  kind: 'placement' | 'activity';
  agencyId: string;
  placementId: string | null;
  workerId: string | null;
  contractId: string | null;
  scheme: AgencySubsidyScheme | null;
  amountFen: number;
  status: EngineLineStatus;
  /** The one reason code of a REJECTED/HELD/PENDING line (e.g. SI_LESS_THAN_6_MONTHS); null when ELIGIBLE. */
  reasonCode: string | null;
  /** Further codes, e.g. every INVALID_INPUT error. */
  reasonDetails: string[];
  detail: number | string | null;
  /** Count behind an activity line (employers served, downloads). */
  basis: number | null;
  trail: TrailStep[];
}

export interface AgencyPeriodResult {
  agencyId: string;
  period: { from: string; to: string };
  policyVersion: string;
  lines: AgencySubsidyLine[];
  /** Sum of ELIGIBLE lines, fen. */
  totalFen: number;
}

/** 12345 fen → "123.45". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

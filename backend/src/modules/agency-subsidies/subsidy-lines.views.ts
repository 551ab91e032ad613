import { fenToYuan, maskName, type SubsidyLineView, TrailStep } from '@platform/contracts';
import { AGENCY_SUBSIDY_REASON_CODES } from './subsidy-engine';

export interface LineRow {
  id: string;
  periodId: string;
  agencyId: string;
  agencyName: string;
  lineKey: string;
  kind: string;
  placementId: string | null;
  scheme: string | null;
  amountFen: number;
  status: string;
  reasonCode: string | null;
  reasonDetails: string[];
  detail: string | null;
  basis: number | null;
  trail: TrailStep[];
  policyVersion: string;
  claimId: string | null;
  reviewReason: string | null;
  workerName: string | null;
  workerIdMasked: string | null;
  employerName: string | null;
  referralDate: string | null;
  claimDate: string | null;
  computedAt: Date;
}

export type LineView = SubsidyLineView;

const codes = AGENCY_SUBSIDY_REASON_CODES as Record<string, { zh: string; en: string }>;

export function explain(code: string): { code: string; zh: string; en: string } {
  const info = codes[code];
  return { code, zh: info?.zh ?? code, en: info?.en ?? code };
}

/** A line as claimants and reviewers read it: masked person, amount in 元, reasons explained. */
export function toLineView(row: LineRow): LineView {
  const { workerName, computedAt, ...rest } = row;
  return {
    ...rest,
    worker: maskName(workerName),
    // Stored as JSON text (a number stays a number on replay); shown as plain text.
    detail: row.detail === null ? null : String(JSON.parse(row.detail)),
    amountYuan: fenToYuan(row.amountFen),
    reason: row.reasonCode ? explain(row.reasonCode) : null,
    details: row.reasonDetails.map(explain),
    computedAt: computedAt.toISOString(),
  };
}

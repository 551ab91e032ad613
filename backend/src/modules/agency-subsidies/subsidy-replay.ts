import { isDeepStrictEqual } from 'node:util';
import type { AgencyPeriodInput, AgencySubsidyLine, AgencySubsidyPolicy } from '@platform/contracts';
import { replayLine } from './subsidy-engine';

export interface StoredLine {
  id: string;
  lineKey: string;
  kind: string;
  agencyId: string;
  placementId: string | null;
  workerId: string | null;
  contractKey: string | null;
  scheme: string | null;
  amountFen: number;
  status: string;
  reasonCode: string | null;
  reasonDetails: string[];
  detail: string | null;
  basis: number | null;
  trail: unknown;
  input: unknown;
  claimId: string | null;
  policyVersion: string;
}

export interface ReplayReport {
  lineId: string;
  policyVersion: string;
  identical: boolean;
  /** Each field that differs, stored vs recomputed. */
  differences: { field: string; stored: unknown; replayed: unknown }[];
}

/** What the engine decided, as stored: a claimed line was ELIGIBLE before reviewers acted on it. */
function engineView(row: StoredLine) {
  return {
    lineKey: row.lineKey,
    kind: row.kind,
    agencyId: row.agencyId,
    placementId: row.placementId,
    workerId: row.workerId,
    contractId: row.contractKey,
    scheme: row.scheme,
    amountFen: row.amountFen,
    status: row.claimId ? 'ELIGIBLE' : row.status,
    reasonCode: row.reasonCode,
    reasonDetails: row.reasonDetails,
    detail: row.detail,
    basis: row.basis,
    trail: row.trail,
  };
}

function lineView(line: AgencySubsidyLine) {
  return {
    lineKey: line.lineKey,
    kind: line.kind,
    agencyId: line.agencyId,
    placementId: line.placementId,
    workerId: line.workerId,
    contractId: line.contractId,
    scheme: line.scheme,
    amountFen: line.amountFen,
    status: line.status,
    reasonCode: line.reasonCode,
    reasonDetails: line.reasonDetails,
    detail: line.detail === null ? null : String(line.detail),
    basis: line.basis,
    // Through JSON, as stored in jsonb: undefined values drop out the same way.
    trail: JSON.parse(JSON.stringify(line.trail)) as unknown,
  };
}

/** Recomputes a stored line from its stored input slice and policy version; pure. */
export function replayStoredLine(row: StoredLine, policy: AgencySubsidyPolicy): ReplayReport {
  const replayed = lineView(replayLine(row.input as AgencyPeriodInput, row.lineKey, policy));
  const stored = engineView(row);
  const differences = (Object.keys(stored) as (keyof typeof stored)[])
    .filter((k) => !isDeepStrictEqual(stored[k], replayed[k]))
    .map((field) => ({ field, stored: stored[field], replayed: replayed[field] }));
  return { lineId: row.id, policyVersion: policy.version, identical: !differences.length, differences };
}

import type {
  AgencyPeriodInput,
  AgencySubsidyLine,
  AgencySubsidyPolicy,
  EngineLineStatus,
} from '@platform/contracts';
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

/** The line as the engine decided it: a claimed line was ELIGIBLE before reviewers acted on it. */
export function engineLineOf(row: StoredLine): AgencySubsidyLine {
  return {
    lineKey: row.lineKey,
    kind: row.kind as AgencySubsidyLine['kind'],
    agencyId: row.agencyId,
    placementId: row.placementId,
    workerId: row.workerId,
    contractId: row.contractKey,
    scheme: row.scheme as AgencySubsidyLine['scheme'],
    amountFen: row.amountFen,
    status: (row.claimId ? 'ELIGIBLE' : row.status) as EngineLineStatus,
    reasonCode: row.reasonCode,
    reasonDetails: row.reasonDetails,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as AgencySubsidyLine['detail']),
    basis: row.basis,
    trail: row.trail as AgencySubsidyLine['trail'],
  };
}

/** Recomputes a stored line from its stored input slice and policy version; pure. */
export function replayStoredLine(row: StoredLine, policy: AgencySubsidyPolicy): ReplayReport {
  const stored = engineLineOf(row);
  const result = replayLine(row.input as AgencyPeriodInput, policy, row.lineKey, stored);
  return {
    lineId: row.id,
    policyVersion: policy.version,
    identical: result.identical === true,
    differences: result.differences.map((field) => ({
      field,
      stored: stored[field as keyof AgencySubsidyLine],
      replayed: result.line ? result.line[field as keyof AgencySubsidyLine] : null,
    })),
  };
}

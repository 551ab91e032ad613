import type { AgencySubsidyPolicy } from '../policy';
import { addMonths } from './dates';

/**
 * The policy with its derived dates filled in (subsidies.md §5.2): a null window end falls back to
 * the event it is defined by (+3 months where the source says "疫情结束后3个月"). What stays null is a
 * GAP: a rule that needs it holds the line for manual handling instead of guessing.
 */
export interface ResolvedAgencyPolicy {
  version: string;
  v: AgencySubsidyPolicy['values'];
  kWindowEnd: string | null;
  gWindowEnd: string | null;
  a4a5ValidTo: string | null;
  settlementDeadline: string | null;
}

export function resolvePolicy(policy: AgencySubsidyPolicy): ResolvedAgencyPolicy {
  const v = policy.values;
  const epidemicPlus3 = v.epidemicEndDate ? addMonths(v.epidemicEndDate, 3) : null;
  return {
    version: policy.version,
    v,
    kWindowEnd: v.kWindowEnd ?? v.cqLevel1ResponseEndDate,
    gWindowEnd: v.gWindowEnd ?? epidemicPlus3,
    a4a5ValidTo: v.a4a5ValidTo ?? epidemicPlus3,
    settlementDeadline: v.activitySettlementDeadline ?? epidemicPlus3,
  };
}

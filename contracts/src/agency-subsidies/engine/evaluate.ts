import type { AgencyPeriodInput } from '../input';
import type { AgencySubsidyPolicy } from '../policy';
import type { AgencyPeriodResult } from '../result';
import { evaluateActivityLines } from './activities';
import { evaluatePlacementLines } from './placements';

/**
 * Algorithm 1 (subsidies.md §5.3) for one agency and one period: placement lines (A1/A2/A6) then
 * activity lines (A3/A4/A5). Pure and deterministic: the same input and policy give the same lines.
 */
export function evaluateAgencyPeriod(
  input: AgencyPeriodInput,
  policy: AgencySubsidyPolicy,
): AgencyPeriodResult {
  const lines = [...evaluatePlacementLines(input, policy), ...evaluateActivityLines(input, policy)];
  return {
    agencyId: input.agency.agencyId,
    period: { from: input.period.from, to: input.period.to },
    policyVersion: policy.version,
    lines,
    totalFen: lines.reduce((sum, l) => (l.status === 'ELIGIBLE' ? sum + l.amountFen : sum), 0),
  };
}

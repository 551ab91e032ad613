import type { AgencySubsidyLine, EngineLineStatus, TrailStep } from '../result';
import type { AgencyFacts } from '../input';
import type { AgencySubsidyReasonCode } from './reason-codes';

export function step(
  rule: string,
  outcome: TrailStep['outcome'],
  citation: string,
  note: string,
  values?: TrailStep['values'],
): TrailStep {
  return values ? { rule, outcome, citation, note, values } : { rule, outcome, citation, note };
}

/** Ends a line in one status with one reason code (subsidies.md §5.3 status model). */
export function settle(
  line: AgencySubsidyLine,
  status: EngineLineStatus,
  reasonCode: AgencySubsidyReasonCode | null,
  amountFen = 0,
): AgencySubsidyLine {
  line.status = status;
  line.reasonCode = reasonCode;
  line.amountFen = status === 'ELIGIBLE' ? amountFen : 0;
  return line;
}

/** Step 0 (INFERRED gates): an unlicensed or blacklisted agency gets nothing. */
export function agencyGate(agency: AgencyFacts): {
  code: AgencySubsidyReasonCode | null;
  step: TrailStep;
} {
  if (agency.licenceStatus === 'NONE')
    return {
      code: 'AGENCY_NOT_LICENSED',
      step: step(
        'AGENCY_GATE',
        'fail',
        '003:L5220-5226 (INFERRED as gate)',
        '机构无人力资源服务许可/备案。The agency holds no licence or filing.',
        { licenceStatus: agency.licenceStatus },
      ),
    };
  if (agency.blacklisted)
    return {
      code: 'AGENCY_BLACKLISTED',
      step: step(
        'AGENCY_GATE',
        'fail',
        '003:L5253-5257 (INFERRED as gate)',
        '机构在黑名单中。The agency is blacklisted.',
      ),
    };
  return {
    code: null,
    step: step(
      'AGENCY_GATE',
      'pass',
      '003:L5220-5226, L5253-5257 (INFERRED as gate)',
      '机构持有许可/备案且不在黑名单。The agency is licensed and not blacklisted.',
      { licenceStatus: agency.licenceStatus },
    ),
  };
}

export { evaluateAgencyPeriod } from './evaluate';
export {
  evaluatePlacementLines,
  candidatePlacements,
  contractTermOk,
  validCategories,
  MAX_PLAUSIBLE_FEE_FEN,
} from './placements';
export { evaluateActivityLines, activitySchemes, settlesActivities, isTalent } from './activities';
export {
  placementSlice,
  activitySlice,
  sliceForLine,
  SliceIndex,
  parseLineKey,
  type ParsedLineKey,
} from './slices';
export { replayLine, type ReplayedLine } from './replay';
export { resolvePolicy, type ResolvedAgencyPolicy } from './policy-resolve';
export {
  AGENCY_SUBSIDY_REASON_CODES,
  AGENCY_SUBSIDY_REASON_CODE_LIST,
  type AgencySubsidyReasonCode,
  type ReasonCodeInfo,
} from './reason-codes';
export {
  AgencySubsidyRequestSchema,
  SubsidyInputError,
  parseSubsidyRequest,
  evaluateSubsidyRequest,
  type SubsidyInputIssue,
} from './request';

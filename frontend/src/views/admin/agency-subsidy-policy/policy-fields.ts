import type { AgencySubsidyPolicyValues } from '@/api/agency-subsidies';

/** How the page edits a value, and where the value comes from (subsidies.md §9). */
export type FieldKind =
  'date' | 'fen' | 'int' | 'bool' | 'categories' | 'anchor' | 'served' | 'floors' | 'dates' | 'rates';
export type Basis = 'SRC' | 'INFERRED' | 'GAP';
export interface PolicyField {
  key: keyof AgencySubsidyPolicyValues;
  kind: FieldKind;
  basis: Basis;
  /** Seed citation or the §9 parameter. */
  cite: string;
  /** A null date is allowed (the sources leave it open). */
  nullable?: true;
}

export const POLICY_FIELDS: PolicyField[] = [
  {
    key: 'epidemicEndDate',
    kind: 'date',
    basis: 'GAP',
    cite: 'L2857, L3680, L3828, L7382, L7406',
    nullable: true,
  },
  { key: 'cqLevel1ResponseEndDate', kind: 'date', basis: 'GAP', cite: 'L4296-4298', nullable: true },
  { key: 'deadlineInclusive', kind: 'bool', basis: 'GAP', cite: 'L3755, L8969' },
  { key: 'kWindowStart', kind: 'date', basis: 'SRC', cite: 'L4296, L4322' },
  { key: 'kWindowEnd', kind: 'date', basis: 'GAP', cite: 'K_WINDOW_END', nullable: true },
  { key: 'kWindowAnchor', kind: 'anchor', basis: 'INFERRED', cite: 'K_WINDOW_ANCHOR' },
  { key: 'kAmountBasicFen', kind: 'fen', basis: 'SRC', cite: 'L4121-4123' },
  { key: 'kAmountHardFen', kind: 'fen', basis: 'SRC', cite: 'L4121-4123' },
  { key: 'kBasicCategories', kind: 'categories', basis: 'SRC', cite: 'L4123 (“等”)' },
  { key: 'kHardCategories', kind: 'categories', basis: 'SRC', cite: 'L4123' },
  { key: 'minContractMonths', kind: 'int', basis: 'SRC', cite: 'L4119-4121, L3822-3823' },
  { key: 'minSiMonths', kind: 'int', basis: 'SRC', cite: 'L4121, L3824' },
  { key: 'siMonthsMustBeConsecutive', kind: 'bool', basis: 'GAP', cite: 'SI_MONTHS_MUST_BE_CONSECUTIVE' },
  { key: 'countWaivedEmployerMonths', kind: 'bool', basis: 'INFERRED', cite: 'L4912, L4973-4979' },
  {
    key: 'countDeferredOnlyWhenPaid',
    kind: 'bool',
    basis: 'INFERRED',
    cite: 'COUNT_DEFERRED_ONLY_WHEN_PAID',
  },
  { key: 'gAmountFen', kind: 'fen', basis: 'SRC', cite: 'L3824-3826' },
  { key: 'gGradWindowYears', kind: 'int', basis: 'SRC', cite: 'L3822' },
  { key: 'gWindowStart', kind: 'date', basis: 'SRC', cite: 'L3679' },
  { key: 'gWindowEnd', kind: 'date', basis: 'GAP', cite: 'L3679-3680', nullable: true },
  {
    key: 'gRequireApprovedParticipant',
    kind: 'bool',
    basis: 'INFERRED',
    cite: 'G_REQUIRE_APPROVED_PARTICIPANT',
  },
  { key: 'gRequireActivityChannel', kind: 'bool', basis: 'INFERRED', cite: 'G_REQUIRE_ACTIVITY_CHANNEL' },
  { key: 'allowStacking', kind: 'bool', basis: 'INFERRED', cite: 'ALLOW_STACKING' },
  {
    key: 'maxPaidPlacementsPerWorker',
    kind: 'int',
    basis: 'INFERRED',
    cite: 'MAX_PAID_PLACEMENTS_PER_WORKER',
  },
  { key: 'rehireLookbackMonths', kind: 'int', basis: 'INFERRED', cite: 'REHIRE_LOOKBACK_MONTHS' },
  { key: 'claimDeadlineA1', kind: 'date', basis: 'GAP', cite: 'CLAIM_DEADLINE.A1', nullable: true },
  { key: 'claimDeadlineA2', kind: 'date', basis: 'GAP', cite: 'CLAIM_DEADLINE.A2', nullable: true },
  { key: 'a3AmountPerEmployerFen', kind: 'fen', basis: 'SRC', cite: 'L3818-3820' },
  { key: 'a3MaxAgenciesPerEmployer', kind: 'int', basis: 'SRC', cite: 'L3775' },
  { key: 'a3RegDeadline', kind: 'date', basis: 'SRC', cite: 'L3755' },
  { key: 'a3ServedDefinition', kind: 'served', basis: 'INFERRED', cite: 'A3_SERVED_DEFINITION' },
  { key: 'a4AmountPerEmployerFen', kind: 'fen', basis: 'SRC', cite: 'L7376-7378' },
  { key: 'a5ReliefPerResumeFen', kind: 'fen', basis: 'SRC', cite: 'L7364, L7378-7380' },
  { key: 'a4a5ValidTo', kind: 'date', basis: 'GAP', cite: 'L7406', nullable: true },
  {
    key: 'activitySettlementDeadline',
    kind: 'date',
    basis: 'GAP',
    cite: 'L3828-3829, L7382-7383',
    nullable: true,
  },
  { key: 'talentSalaryFloors', kind: 'floors', basis: 'SRC', cite: 'L7366-7369' },
  { key: 'nationalRateTables', kind: 'rates', basis: 'GAP', cite: 'L2741, 004:L11, L2397, L3176' },
  { key: 'noticeWorkingDays', kind: 'int', basis: 'INFERRED', cite: 'REQUIRE_PUBLICITY' },
  { key: 'holidays', kind: 'dates', basis: 'GAP', cite: 'WORKDAY_CALENDAR' },
  { key: 'makeUpWorkdays', kind: 'dates', basis: 'GAP', cite: 'WORKDAY_CALENDAR' },
];

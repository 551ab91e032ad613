import { DEFAULT_AGENCY_SUBSIDY_POLICY } from '@platform/contracts/agency-subsidies/policy';
import { describe, expect, it } from 'vitest';
import { POLICY_FIELDS } from './policy-fields';

describe('agency policy fields', () => {
  it('covers every value of the policy exactly once', () => {
    expect(POLICY_FIELDS.map((f) => f.key).sort()).toEqual(
      Object.keys(DEFAULT_AGENCY_SUBSIDY_POLICY.values).sort(),
    );
  });

  it('marks every value the defaults leave empty as not given by the sources', () => {
    const open = Object.entries(DEFAULT_AGENCY_SUBSIDY_POLICY.values)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    for (const key of open) expect(POLICY_FIELDS.find((f) => f.key === key)?.basis).toBe('GAP');
  });
});

import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_SUBSIDY_POLICY,
  DEFAULT_SUBSIDY_POLICY_VALUES,
  SubsidyPolicy,
  SubsidyPolicyValues,
  SubsidyPolicyValuesSchema,
} from '@platform/contracts';
import { trainingSubsidyPolicyVersions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { PolicyVersion, PolicyVersions } from '../training/policy-versions';

/** Training-subsidy policy versions (§4.2, §4.0): Chongqing 2020 figures by default, the rest empty. */
@Injectable()
export class SubsidyPolicyService extends PolicyVersions<SubsidyPolicyValues> {
  constructor(@Inject(DATABASE) db: Database) {
    super(
      db,
      trainingSubsidyPolicyVersions,
      SubsidyPolicyValuesSchema,
      {
        version: DEFAULT_SUBSIDY_POLICY.version,
        effectiveFrom: '2020-01-01T00:00:00+08:00',
        values: DEFAULT_SUBSIDY_POLICY_VALUES,
      },
      { type: 'training_subsidy_policy', takenCode: 'TRAINING_POLICY_VERSION_TAKEN' },
    );
  }
}

/** The rule engine's policy for a stored version. */
export function subsidyPolicyOf(stored: PolicyVersion<SubsidyPolicyValues>): SubsidyPolicy {
  const { noticeWorkingDays: _n, holidays: _h, makeUpWorkdays: _m, ...rules } = stored.values;
  return { version: stored.version, ...rules };
}

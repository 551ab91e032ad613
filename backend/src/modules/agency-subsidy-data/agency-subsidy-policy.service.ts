import { Inject, Injectable } from '@nestjs/common';
import {
  AgencySubsidyPolicy,
  AgencySubsidyPolicyValues,
  AgencySubsidyPolicyValuesSchema,
  DEFAULT_AGENCY_SUBSIDY_POLICY,
} from '@platform/contracts';
import { agencySubsidyPolicyVersions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { PolicyVersion, PolicyVersions } from '../training/policy-versions';

/** The Chongqing 2020 defaults count from the first measure of 2020 (13号 is dated 2020-02-22). */
export const DEFAULT_AGENCY_POLICY_EFFECTIVE_FROM = '2020-01-01T00:00:00+08:00';

/**
 * Agency-subsidy policy versions (subsidies.md §9): append-only, the newest effective at an
 * instant applies. Values the sources leave open stay null; the engine holds a line on them.
 */
@Injectable()
export class AgencySubsidyPolicyService extends PolicyVersions<AgencySubsidyPolicyValues> {
  constructor(@Inject(DATABASE) db: Database) {
    super(
      db,
      agencySubsidyPolicyVersions,
      AgencySubsidyPolicyValuesSchema,
      {
        version: DEFAULT_AGENCY_SUBSIDY_POLICY.version,
        effectiveFrom: DEFAULT_AGENCY_POLICY_EFFECTIVE_FROM,
        values: DEFAULT_AGENCY_SUBSIDY_POLICY.values,
      },
      { type: 'agency_subsidy_policy', takenCode: 'AGENCY_POLICY_VERSION_TAKEN' },
    );
  }

  /**
   * The version in force at an instant, or on a business day (YYYY-MM-DD, Asia/Shanghai): a
   * version effective at any time that day counts for the whole day.
   */
  override effectiveAt(at: Date | string = new Date()): Promise<PolicyVersion<AgencySubsidyPolicyValues>> {
    return super.effectiveAt(typeof at === 'string' ? new Date(`${at}T23:59:59.999+08:00`) : at);
  }

  /** The policy on a business day, in the shape the engine reads (version + values). */
  async policyOn(day: string): Promise<AgencySubsidyPolicy> {
    const stored = await this.effectiveAt(day);
    return { version: stored.version, values: stored.values };
  }
}

/** The §9 keys a version leaves open (null): the page marks them 待定/未给出, the engine holds on them. */
export function openValues(version: PolicyVersion<AgencySubsidyPolicyValues>): string[] {
  return Object.entries(version.values)
    .filter(([, value]) => value === null || (Array.isArray(value) && value.length === 0))
    .map(([key]) => key);
}

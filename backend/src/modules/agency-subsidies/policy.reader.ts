import { Inject, Injectable } from '@nestjs/common';
import {
  AgencySubsidyPolicy,
  AgencySubsidyPolicyValuesSchema,
  DEFAULT_AGENCY_SUBSIDY_POLICY,
} from '@platform/contracts';
import { desc, eq, lte } from 'drizzle-orm';
import { AppError } from '../../common/errors/app-error';
import { agencySubsidyPolicyVersions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

/**
 * Reads the versioned Algorithm 1 policy. A stop-gap until the agency-subsidy-data module's
 * AgencySubsidyPolicyService is merged: only the two reads the computation needs.
 */
@Injectable()
export class AgencySubsidyPolicyReader {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** The newest version in effect at `at`; the seeded Chongqing defaults when none is. */
  async effectiveAt(at: Date): Promise<AgencySubsidyPolicy> {
    const [row] = await this.db
      .select()
      .from(agencySubsidyPolicyVersions)
      .where(lte(agencySubsidyPolicyVersions.effectiveFrom, at))
      .orderBy(desc(agencySubsidyPolicyVersions.effectiveFrom))
      .limit(1);
    if (!row) return DEFAULT_AGENCY_SUBSIDY_POLICY;
    return { version: row.version, values: AgencySubsidyPolicyValuesSchema.parse(row.values) };
  }

  async byVersion(version: string): Promise<AgencySubsidyPolicy> {
    const [row] = await this.db
      .select()
      .from(agencySubsidyPolicyVersions)
      .where(eq(agencySubsidyPolicyVersions.version, version));
    if (row) return { version: row.version, values: AgencySubsidyPolicyValuesSchema.parse(row.values) };
    if (version === DEFAULT_AGENCY_SUBSIDY_POLICY.version) return DEFAULT_AGENCY_SUBSIDY_POLICY;
    throw new AppError('NOT_FOUND', `No policy version ${version}. 未找到政策版本。`);
  }
}

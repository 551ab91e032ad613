import { Module } from '@nestjs/common';
import { ActivityLogLoader } from './activity-log.loader';
import { PeriodInputLoader } from './period-input.loader';
import { AgencySubsidyPolicyService } from '../agency-subsidy-data/agency-subsidy-policy.service';
import { SubsidyComputation } from './subsidy-computation.service';
import { SubsidyProgress } from './subsidy-progress';

/** What both the api and the worker need: the input loader, the policy and the computation. */
@Module({
  providers: [
    ActivityLogLoader,
    PeriodInputLoader,
    AgencySubsidyPolicyService,
    SubsidyComputation,
    SubsidyProgress,
  ],
  exports: [PeriodInputLoader, AgencySubsidyPolicyService, SubsidyComputation, SubsidyProgress],
})
export class AgencySubsidiesCoreModule {}

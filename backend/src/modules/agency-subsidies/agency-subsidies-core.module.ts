import { Module } from '@nestjs/common';
import { PeriodInputLoader } from './period-input.loader';
import { AgencySubsidyPolicyReader } from './policy.reader';
import { SubsidyComputation } from './subsidy-computation.service';
import { SubsidyProgress } from './subsidy-progress';

/** What both the api and the worker need: the input loader, the policy and the computation. */
@Module({
  providers: [PeriodInputLoader, AgencySubsidyPolicyReader, SubsidyComputation, SubsidyProgress],
  exports: [PeriodInputLoader, AgencySubsidyPolicyReader, SubsidyComputation, SubsidyProgress],
})
export class AgencySubsidiesCoreModule {}

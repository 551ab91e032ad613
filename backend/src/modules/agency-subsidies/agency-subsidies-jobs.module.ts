import { Module } from '@nestjs/common';
import { AgencySubsidiesCoreModule } from './agency-subsidies-core.module';
import { ComputeAgencySubsidyChunkJob } from './jobs/compute-agency-subsidy-chunk.job';
import { ComputeSubsidyPeriodJob } from './jobs/compute-subsidy-period.job';

/** The period-run job handlers; the worker process imports this module. */
@Module({
  imports: [AgencySubsidiesCoreModule],
  providers: [ComputeAgencySubsidyChunkJob, ComputeSubsidyPeriodJob],
})
export class AgencySubsidiesJobsModule {}

import { Module } from '@nestjs/common';
import { AgencySubsidiesController } from './agency-subsidies.controller';
import { AgencySubsidiesCoreModule } from './agency-subsidies-core.module';
import { AgencySubsidyClaimsService } from './agency-subsidy-claims.service';
import { AgencySubsidyLinesService } from './agency-subsidy-lines.service';
import { FinanceExportService } from './finance-export.service';
import { SubsidyPeriodsService } from './subsidy-periods.service';
import { SubsidyReplayService } from './subsidy-replay.service';

@Module({
  imports: [AgencySubsidiesCoreModule],
  controllers: [AgencySubsidiesController],
  providers: [
    SubsidyPeriodsService,
    AgencySubsidyLinesService,
    AgencySubsidyClaimsService,
    SubsidyReplayService,
    FinanceExportService,
  ],
  exports: [SubsidyReplayService],
})
export class AgencySubsidiesModule {}

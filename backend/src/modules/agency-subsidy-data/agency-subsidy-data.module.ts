import { Module } from '@nestjs/common';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { ActivityRecordsController } from './activity-records.controller';
import { ActivityRecordsService } from './activity-records.service';
import { AgencySubsidyPolicyController } from './agency-subsidy-policy.controller';
import { AgencySubsidyPolicyService } from './agency-subsidy-policy.service';
import { KeyEnterprisesService } from './key-enterprises.service';
import { PlacementImportService } from './placement-import.service';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';
import { SocialInsuranceService } from './social-insurance.service';
import { SubsidyRegistersController } from './subsidy-registers.controller';
import { WorkerPlacementsService } from './worker-placements.service';

/**
 * The facts of the agency service subsidies (issue 7 items 1-3, 8): policy versions, placements
 * with evidence and imports, 社保 months, the 重点企业名录, and the worker's own view.
 * AgencySubsidyPolicyService is exported for the claims side.
 */
@Module({
  controllers: [
    ActivityRecordsController,
    AgencySubsidyPolicyController,
    PlacementsController,
    SubsidyRegistersController,
  ],
  providers: [
    PiiCipher,
    AgencySubsidyPolicyService,
    PlacementsService,
    PlacementImportService,
    WorkerPlacementsService,
    SocialInsuranceService,
    KeyEnterprisesService,
    ActivityRecordsService,
  ],
  exports: [AgencySubsidyPolicyService, PlacementsService],
})
export class AgencySubsidyDataModule {}

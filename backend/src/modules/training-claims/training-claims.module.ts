import { Module } from '@nestjs/common';
import { ClaimInputLoader } from './claim-input.loader';
import { EnterprisePeriodsService } from './enterprise-periods.service';
import { SubsidyPolicyService } from './subsidy-policy.service';
import { TrainingClaimsController } from './training-claims.controller';
import { TrainingClaimsService } from './training-claims.service';

/** Training-subsidy claims and their policy versions (issue 8 item 5). */
@Module({
  controllers: [TrainingClaimsController],
  providers: [TrainingClaimsService, ClaimInputLoader, SubsidyPolicyService, EnterprisePeriodsService],
})
export class TrainingClaimsModule {}

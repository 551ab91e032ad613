import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { SeekersModule } from '../seekers/seekers.module';
import { CandidatesService } from './candidates.service';
import { MatchingController } from './matching.controller';
import { RecommendationsService } from './recommendations.service';

@Module({
  imports: [SeekersModule, EmployersModule],
  controllers: [MatchingController],
  providers: [RecommendationsService, CandidatesService],
})
export class MatchingModule {}

import { Module } from '@nestjs/common';
import { SeekersModule } from '../seekers/seekers.module';
import { CandidatesService } from './candidates.service';
import { MatchingController } from './matching.controller';
import { RecommendationsService } from './recommendations.service';

@Module({
  imports: [SeekersModule],
  controllers: [MatchingController],
  providers: [RecommendationsService, CandidatesService],
})
export class MatchingModule {}

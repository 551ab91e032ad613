import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { PositionIdParams } from '../positions/positions.dto';
import { CandidatesService } from './candidates.service';
import { CandidateListDto, CandidateQuery, RecommendationListDto } from './matching.dto';
import { RecommendationsService } from './recommendations.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly candidates: CandidatesService,
  ) {}

  /** Positions for the seeker's resume, each with the factor breakdown and what is missing. */
  @Roles('seeker')
  @Get('seekers/me/recommendations')
  @ZodResponse({ status: 200, type: RecommendationListDto })
  recommend(@CurrentActor() actor: Actor) {
    return this.recommendations.forSeeker(actor);
  }

  /** Applicants and searchable resumes ranked for a position: its employer, or organizers reading. */
  @Roles('employer', 'organizer', 'admin')
  @Get('positions/:id/candidates')
  @ZodResponse({ status: 200, type: CandidateListDto })
  candidatesFor(
    @CurrentActor() actor: Actor,
    @Param() params: PositionIdParams,
    @Query() query: CandidateQuery,
  ) {
    return this.candidates.forPosition(actor, params.id, query.limit);
  }
}

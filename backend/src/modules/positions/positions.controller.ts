import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, OptionalActor, Public, Roles } from '../../common/auth/decorators';
import { FairIdParams } from '../fairs/fairs.dto';
import {
  PageQuery,
  PositionCheckInputDto,
  PositionDecisionDto,
  PositionDto,
  PositionIdParams,
  PositionInputDto,
  PositionListDto,
  PositionListQuery,
  PostingCheckDto,
} from './positions.dto';
import { PositionsService } from './positions.service';

@ApiTags('positions')
@ApiBearerAuth()
@Controller()
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  /** The editor's live rule check: which words trigger which rule, nothing saved. */
  @Roles('employer')
  @Post('positions/check')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: PostingCheckDto })
  check(@CurrentActor() actor: Actor, @Body() body: PositionCheckInputDto) {
    return this.positions.preview(actor, body);
  }

  @Roles('employer')
  @Post('positions')
  @ZodResponse({ status: 201, type: PositionDto })
  create(@CurrentActor() actor: Actor, @Body() body: PositionInputDto) {
    return this.positions.create(actor, body);
  }

  @Roles('employer')
  @Get('positions/mine')
  @ZodResponse({ status: 200, type: PositionListDto })
  mine(@CurrentActor() actor: Actor) {
    return this.positions.mine(actor);
  }

  @Roles('organizer', 'admin')
  @Get('positions/review-queue')
  @ZodResponse({ status: 200, type: PositionListDto })
  queue(@Query() query: PageQuery) {
    return this.positions.reviewQueue(query.page, query.pageSize);
  }

  @Public()
  @Get('positions/:id')
  @ZodResponse({ status: 200, type: PositionDto })
  get(@OptionalActor() actor: Actor | undefined, @Param() params: PositionIdParams) {
    return this.positions.get(actor, params.id);
  }

  @Roles('employer')
  @Put('positions/:id')
  @ZodResponse({ status: 200, type: PositionDto })
  update(@CurrentActor() actor: Actor, @Param() params: PositionIdParams, @Body() body: PositionInputDto) {
    return this.positions.update(actor, params.id, body);
  }

  @Roles('employer')
  @Post('positions/:id/submission')
  @ZodResponse({ status: 201, type: PositionDto })
  submit(@CurrentActor() actor: Actor, @Param() params: PositionIdParams) {
    return this.positions.submit(actor, params.id);
  }

  @Roles('employer')
  @Post('positions/:id/closure')
  @ZodResponse({ status: 201, type: PositionDto })
  close(@CurrentActor() actor: Actor, @Param() params: PositionIdParams) {
    return this.positions.close(actor, params.id);
  }

  @Roles('organizer', 'admin')
  @Post('positions/:id/review')
  @ZodResponse({ status: 201, type: PositionDto })
  review(@CurrentActor() actor: Actor, @Param() params: PositionIdParams, @Body() body: PositionDecisionDto) {
    return this.positions.review(actor, params.id, body.decision, body.reason);
  }

  @Public()
  @Get('fairs/:fairId/positions')
  @ZodResponse({ status: 200, type: PositionListDto })
  forFair(@Param() params: FairIdParams, @Query() query: PositionListQuery) {
    return this.positions.listForFair(params.fairId, query);
  }
}

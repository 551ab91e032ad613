import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import {
  AdjustFairDatesDto,
  AnnouncementListDto,
  CreateFairDto,
  CreateSessionDto,
  FairDto,
  FairIdParams,
  FairListDto,
  FairPageDto,
  FairSessionDto,
  FairStatusChangeDto,
  OutbreakDto,
} from './fairs.dto';
import { FairPageService } from './fair-page.service';
import { FairsService } from './fairs.service';

@ApiTags('fairs')
@Controller('fairs')
export class FairsController {
  constructor(
    private readonly fairs: FairsService,
    private readonly pages: FairPageService,
  ) {}

  @Public()
  @Get()
  @ZodResponse({ status: 200, type: FairListDto })
  async list() {
    return { items: await this.fairs.list() };
  }

  /** The public fair page: phase, sessions, announcements, approved agencies, employers. */
  @Public()
  @Get(':fairId')
  @ZodResponse({ status: 200, type: FairPageDto })
  page(@Param() params: FairIdParams) {
    return this.pages.page(params.fairId);
  }

  @Public()
  @Get(':fairId/announcements')
  @ZodResponse({ status: 200, type: AnnouncementListDto })
  async announcements(@Param() params: FairIdParams) {
    return { items: await this.fairs.announcements(params.fairId) };
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post()
  @ZodResponse({ status: 201, type: FairDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateFairDto) {
    return this.fairs.create(actor, body);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post(':fairId/date-adjustments')
  @ZodResponse({ status: 201, type: FairDto })
  adjust(@CurrentActor() actor: Actor, @Param() params: FairIdParams, @Body() body: AdjustFairDatesDto) {
    return this.fairs.adjustDates(actor, params.fairId, body);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post(':fairId/cancellation')
  @ZodResponse({ status: 201, type: FairDto })
  cancel(@CurrentActor() actor: Actor, @Param() params: FairIdParams, @Body() body: FairStatusChangeDto) {
    return this.fairs.cancel(actor, params.fairId, body);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post(':fairId/suspension')
  @ZodResponse({ status: 201, type: FairDto })
  suspend(@CurrentActor() actor: Actor, @Param() params: FairIdParams, @Body() body: FairStatusChangeDto) {
    return this.fairs.suspend(actor, params.fairId, body);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post(':fairId/resumption')
  @ZodResponse({ status: 201, type: FairDto })
  resume(@CurrentActor() actor: Actor, @Param() params: FairIdParams, @Body() body: FairStatusChangeDto) {
    return this.fairs.resume(actor, params.fairId, body);
  }

  /** AS-04: a major outbreak in the region suspends every large fair still running. */
  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post('outbreak-suspension')
  @ZodResponse({ status: 201, type: FairListDto })
  async outbreak(@CurrentActor() actor: Actor, @Body() body: OutbreakDto) {
    return { items: await this.fairs.suspendLargeFairsForOutbreak(actor, body.reason) };
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post(':fairId/sessions')
  @ZodResponse({ status: 201, type: FairSessionDto })
  createSession(@CurrentActor() actor: Actor, @Param() params: FairIdParams, @Body() body: CreateSessionDto) {
    return this.fairs.createSession(actor, params.fairId, body);
  }
}

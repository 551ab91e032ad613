import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { EmployersService } from '../employers/employers.service';
import { CallMinutesService } from './call-minutes.service';
import { CallsService } from './calls.service';
import {
  AgencyMinutesDto,
  CallNotesDto,
  CallOpenDto,
  CallViewDto,
  IdParams,
  MinutesUsageDto,
} from './calls.dto';
import { WaitingRoomService } from './waiting-room.service';

@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly minutes: CallMinutesService,
    private readonly employers: EmployersService,
    private readonly waitingRoom: WaitingRoomService,
  ) {}

  /** Opens a video interview for a shortlisted application (refused over the free quota unless accepted). */
  @Roles('employer')
  @Post('calls')
  @ZodResponse({ status: 201, type: CallViewDto })
  open(@CurrentActor() actor: Actor, @Body() body: CallOpenDto) {
    return this.calls.openForApplication(actor, body);
  }

  @Get('calls/:id')
  @ZodResponse({ status: 200, type: CallViewDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.calls.view(actor, params.id);
  }

  @Roles('employer')
  @Post('calls/:id/end')
  @ZodResponse({ status: 201, type: CallViewDto })
  async end(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    const view = await this.calls.end(actor, params.id);
    await this.waitingRoom.callEnded(params.id);
    return view;
  }

  @Roles('employer')
  @Put('calls/:id/notes')
  @ZodResponse({ status: 200, type: CallViewDto })
  notes(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: CallNotesDto) {
    return this.calls.saveNotes(actor, params.id, body);
  }

  /** The employer's minutes: used, free left, and the ledger (AS-28). */
  @Roles('employer')
  @Get('interview-minutes/mine')
  @ZodResponse({ status: 200, type: MinutesUsageDto })
  async mine(@CurrentActor() actor: Actor) {
    return this.minutes.usageOfEmployer((await this.employers.ownedBy(actor.userId)).id);
  }

  @Roles('agency')
  @Get('interview-minutes/agency')
  @ZodResponse({ status: 200, type: AgencyMinutesDto })
  agency(@CurrentActor() actor: Actor) {
    return this.minutes.usageOfAgency(actor);
  }
}

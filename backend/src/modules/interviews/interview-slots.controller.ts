import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { EmployersService } from '../employers/employers.service';
import { InterviewSlotsService } from './interview-slots.service';
import {
  IdParams,
  InterviewerDto,
  InterviewerInputDto,
  InterviewerListDto,
  SlotDto,
  SlotInputDto,
  SlotListDto,
} from './interviews.dto';

@ApiTags('interviews')
@ApiBearerAuth()
@Roles('employer')
@Controller()
export class InterviewSlotsController {
  constructor(
    private readonly slots: InterviewSlotsService,
    private readonly employers: EmployersService,
  ) {}

  @Get('interviewers')
  @ZodResponse({ status: 200, type: InterviewerListDto })
  interviewers(@CurrentActor() actor: Actor) {
    return this.slots.myInterviewers(actor);
  }

  @Post('interviewers')
  @ZodResponse({ status: 201, type: InterviewerDto })
  addInterviewer(@CurrentActor() actor: Actor, @Body() body: InterviewerInputDto) {
    return this.slots.addInterviewer(actor, body);
  }

  @Get('interviewers/:id/slots')
  @ZodResponse({ status: 200, type: SlotListDto })
  slotsOf(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.slots.slotsOf(actor, params.id);
  }

  /** Times in Asia/Shanghai unless an offset is given; past and overlapping slots are refused. */
  @Post('interviewers/:id/slots')
  @ZodResponse({ status: 201, type: SlotDto })
  addSlot(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: SlotInputDto) {
    return this.slots.addSlot(actor, params.id, body);
  }

  @Delete('interview-slots/:id')
  @HttpCode(204)
  removeSlot(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.slots.removeSlot(actor, params.id);
  }

  /** The employer's free future slots (to propose a reschedule or invite with). */
  @Get('employers/me/interview-slots')
  @ZodResponse({ status: 200, type: SlotListDto })
  async freeSlots(@CurrentActor() actor: Actor) {
    const employer = await this.employers.ownedBy(actor.userId);
    return { items: await this.slots.freeSlots(employer.id) };
  }
}

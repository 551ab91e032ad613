import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { InterviewPostponementService } from './interview-postponement.service';
import { InterviewScheduleService } from './interview-schedule.service';
import { InterviewSlotsService } from './interview-slots.service';
import {
  IdParams,
  InterviewDto,
  InterviewListDto,
  OptionalReasonDto,
  PostponementDto,
  PostponementInputDto,
  ReasonDto,
  RescheduleInputDto,
  RescheduleParams,
  SlotListDto,
} from './interviews.dto';

@ApiTags('interviews')
@ApiBearerAuth()
@Roles('seeker', 'employer', 'organizer')
@Controller()
export class InterviewsController {
  constructor(
    private readonly schedule: InterviewScheduleService,
    private readonly slots: InterviewSlotsService,
    private readonly postponements: InterviewPostponementService,
  ) {}

  @Get('interviews')
  @ZodResponse({ status: 200, type: InterviewListDto })
  mine(@CurrentActor() actor: Actor) {
    return this.schedule.mine(actor);
  }

  @Get('interviews/:id')
  @ZodResponse({ status: 200, type: InterviewDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.schedule.get(actor, params.id);
  }

  /** The employer's free slots a party may propose to move the interview to. */
  @Get('interviews/:id/free-slots')
  @ZodResponse({ status: 200, type: SlotListDto })
  async freeSlots(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    const row = await this.schedule.load(params.id);
    await this.schedule.sideOf(actor, row);
    return { items: await this.slots.freeSlots(row.employerId) };
  }

  /** A proposal; the interview keeps its time until the other side accepts. */
  @Post('interviews/:id/reschedules')
  @ZodResponse({ status: 201, type: InterviewDto })
  propose(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: RescheduleInputDto) {
    return this.schedule.propose(actor, params.id, body);
  }

  @Post('interviews/:id/reschedules/:rescheduleId/acceptance')
  @ZodResponse({ status: 201, type: InterviewDto })
  accept(@CurrentActor() actor: Actor, @Param() params: RescheduleParams) {
    return this.schedule.acceptProposal(actor, params.id, params.rescheduleId);
  }

  @Post('interviews/:id/reschedules/:rescheduleId/decline')
  @ZodResponse({ status: 201, type: InterviewDto })
  decline(@CurrentActor() actor: Actor, @Param() params: RescheduleParams, @Body() body: OptionalReasonDto) {
    return this.schedule.declineProposal(actor, params.id, params.rescheduleId, body.reason);
  }

  @Post('interviews/:id/cancellation')
  @ZodResponse({ status: 201, type: InterviewDto })
  cancel(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: ReasonDto) {
    return this.schedule.cancel(actor, params.id, body.reason);
  }

  /** AS-34: postpone an interviewer's published schedule; candidates are asked, the fair is told. */
  @Roles('employer')
  @Post('interview-postponements')
  @ZodResponse({ status: 201, type: PostponementDto })
  postpone(@CurrentActor() actor: Actor, @Body() body: PostponementInputDto) {
    return this.postponements.postpone(actor, body);
  }
}

import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { InterviewInvitationsService } from './interview-invitations.service';
import {
  AcceptInvitationDto,
  IdParams,
  InterviewDto,
  InvitationDto,
  InvitationInputDto,
  InvitationListDto,
  OptionalReasonDto,
  ReasonDto,
  SlotListDto,
} from './interviews.dto';

@ApiTags('interviews')
@ApiBearerAuth()
@Controller()
export class InterviewInvitationsController {
  constructor(private readonly invitations: InterviewInvitationsService) {}

  /** 邀约 from the applicant pipeline. */
  @Roles('employer')
  @Post('applications/:id/interview-invitations')
  @ZodResponse({ status: 201, type: InvitationDto })
  invite(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: InvitationInputDto) {
    return this.invitations.invite(actor, params.id, body);
  }

  @Roles('seeker', 'employer')
  @Get('interview-invitations')
  @ZodResponse({ status: 200, type: InvitationListDto })
  mine(@CurrentActor() actor: Actor) {
    return this.invitations.mine(actor);
  }

  @Roles('seeker', 'employer')
  @Get('interview-invitations/:id')
  @ZodResponse({ status: 200, type: InvitationDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.invitations.get(actor, params.id);
  }

  @Roles('seeker', 'employer')
  @Get('interview-invitations/:id/slots')
  @ZodResponse({ status: 200, type: SlotListDto })
  slots(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.invitations.offeredSlots(actor, params.id);
  }

  @Roles('seeker')
  @Post('interview-invitations/:id/acceptance')
  @ZodResponse({ status: 201, type: InterviewDto })
  accept(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: AcceptInvitationDto) {
    return this.invitations.accept(actor, params.id, body.slotId);
  }

  @Roles('seeker')
  @Post('interview-invitations/:id/decline')
  @ZodResponse({ status: 201, type: InvitationDto })
  decline(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: OptionalReasonDto) {
    return this.invitations.decline(actor, params.id, body.reason);
  }

  @Roles('employer')
  @Post('interview-invitations/:id/cancellation')
  @ZodResponse({ status: 201, type: InvitationDto })
  cancel(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: ReasonDto) {
    return this.invitations.cancel(actor, params.id, body.reason);
  }
}

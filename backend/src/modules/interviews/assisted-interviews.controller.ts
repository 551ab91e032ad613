import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { AssistedInterviewsService } from './assisted-interviews.service';
import {
  AssistedBookingInputDto,
  AssistedLookupDto,
  AssistedPersonDto,
  IdParams,
  InterviewDto,
  InterviewListDto,
  SlotListDto,
} from './interviews.dto';

/** §2.8.5: public-employment-office staff (organizers) book and host interviews for people offline. */
@ApiTags('interviews')
@ApiBearerAuth()
@Roles('organizer')
@Controller()
export class AssistedInterviewsController {
  constructor(private readonly assisted: AssistedInterviewsService) {}

  /** A POST, so the 身份证 number never appears in a URL or an access log. */
  @Post('assisted-interviews/lookup')
  @ZodResponse({ status: 201, type: AssistedPersonDto })
  lookup(@CurrentActor() actor: Actor, @Body() body: AssistedLookupDto) {
    return this.assisted.lookup(actor, body.idNumber);
  }

  @Get('assisted-interviews')
  @ZodResponse({ status: 200, type: InterviewListDto })
  mine(@CurrentActor() actor: Actor) {
    return this.assisted.mine(actor);
  }

  @Get('positions/:id/interview-slots')
  @ZodResponse({ status: 200, type: SlotListDto })
  slots(@Param() params: IdParams) {
    return this.assisted.slotsForPosition(params.id);
  }

  @Post('assisted-interviews')
  @ZodResponse({ status: 201, type: InterviewDto })
  book(@CurrentActor() actor: Actor, @Body() body: AssistedBookingInputDto) {
    return this.assisted.book(actor, body);
  }

  @Post('assisted-interviews/:id/start')
  @ZodResponse({ status: 201, type: InterviewDto })
  start(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.assisted.start(actor, params.id);
  }
}

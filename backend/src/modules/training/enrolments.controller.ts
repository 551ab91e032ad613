import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import {
  AssessmentDto,
  AssessmentInputDto,
  EnrolmentDto,
  EnrolmentListDto,
  OfflineAttendanceDto,
  OfflineAttendanceInputDto,
  RosterDto,
  SponsoredEnrolmentInputDto,
  SponsoredEnrolmentResultDto,
} from './classes.dto';
import { EnrolmentsService } from './enrolments.service';
import { RostersService } from './rosters.service';
import { IdParams } from './training.dto';

/** Real-name enrolment (trainees, sponsoring enterprises) and the institution's roster. */
@ApiTags('training')
@ApiBearerAuth()
@Controller('training')
export class EnrolmentsController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly rosters: RostersService,
  ) {}

  @Roles('trainee')
  @Post('classes/:id/enrolments')
  @ZodResponse({ status: 201, type: EnrolmentDto })
  enrol(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.enrolments.enrol(actor, id);
  }

  @Roles('employer')
  @Post('classes/:id/sponsored-enrolments')
  @ZodResponse({ status: 201, type: SponsoredEnrolmentResultDto })
  sponsor(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: SponsoredEnrolmentInputDto) {
    return this.enrolments.sponsor(actor, id, body);
  }

  @Roles('trainee')
  @Get('enrolments/mine')
  @ZodResponse({ status: 200, type: EnrolmentListDto })
  async mine(@CurrentActor() actor: Actor) {
    return { items: await this.enrolments.mine(actor) };
  }

  @Roles('trainee')
  @Post('enrolments/:id/withdrawal')
  @ZodResponse({ status: 201, type: EnrolmentDto })
  withdraw(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.enrolments.withdraw(actor, id);
  }

  @Roles('institution')
  @Get('classes/:id/roster')
  @ZodResponse({ status: 200, type: RosterDto })
  async roster(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return { items: await this.rosters.roster(actor, id) };
  }

  @Roles('institution')
  @Post('enrolments/:id/assessments')
  @ZodResponse({ status: 201, type: AssessmentDto })
  assess(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: AssessmentInputDto) {
    return this.rosters.recordAssessment(actor, id, body);
  }

  @Roles('institution')
  @Post('enrolments/:id/offline-attendance')
  @ZodResponse({ status: 201, type: OfflineAttendanceDto })
  attend(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: OfflineAttendanceInputDto) {
    return this.rosters.recordOfflineAttendance(actor, id, body);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { HeartbeatService } from './heartbeat.service';
import { LearningChecksService } from './learning-checks.service';
import { LearningMediaService } from './learning-media.service';
import { LearningProgressService } from './learning-progress.service';
import { LearningSessionsService } from './learning-sessions.service';
import {
  CheckAnswerInputDto,
  CheckParams,
  CheckResultDto,
  ClosedSessionDto,
  HeartbeatAckDto,
  HeartbeatInputDto,
  IdParams,
  LearningMediaListDto,
  LearningProgressDto,
  StartedSessionDto,
  StartSessionInputDto,
} from './learning.dto';

/** Server-logged learning (issue 8 item 3): sessions from heartbeats, random checks, progress, stills. */
@ApiTags('training-learning')
@ApiBearerAuth()
@Controller('training')
export class LearningController {
  constructor(
    private readonly sessions: LearningSessionsService,
    private readonly heartbeats: HeartbeatService,
    private readonly checks: LearningChecksService,
    private readonly progressView: LearningProgressService,
    private readonly media: LearningMediaService,
  ) {}

  @Roles('trainee')
  @Post('enrolments/:id/sessions')
  @ZodResponse({ status: 201, type: StartedSessionDto })
  start(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: StartSessionInputDto) {
    return this.sessions.start(actor, id, body);
  }

  @Roles('trainee')
  @Post('learning/sessions/:id/heartbeats')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: HeartbeatAckDto })
  beat(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: HeartbeatInputDto) {
    return this.heartbeats.beat(actor, id, body);
  }

  @Roles('trainee')
  @Post('learning/sessions/:id/close')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ClosedSessionDto })
  close(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.sessions.close(actor, id);
  }

  @Roles('trainee')
  @Post('learning/sessions/:id/checks/:checkId/answer')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: CheckResultDto })
  answer(
    @CurrentActor() actor: Actor,
    @Param() { id, checkId }: CheckParams,
    @Body() body: CheckAnswerInputDto,
  ) {
    return this.checks.answer(actor, id, checkId, body);
  }

  @Roles('trainee', 'institution', 'organizer', 'admin')
  @Get('enrolments/:id/progress')
  @ZodResponse({ status: 200, type: LearningProgressDto })
  progress(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.progressView.progress(actor, id);
  }

  @Roles('organizer', 'admin')
  @Get('learning/sessions/:id/media')
  @ZodResponse({ status: 200, type: LearningMediaListDto })
  mediaOf(@Param() { id }: IdParams) {
    return this.media.list(id);
  }

  @Roles('organizer', 'admin')
  @Get('learning/media/:id')
  @ApiProduces('image/jpeg', 'image/png')
  async still(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Res() reply: FastifyReply) {
    const still = await this.media.read(actor, id);
    await reply
      .header('content-type', still.contentType)
      .header('cache-control', 'no-store')
      .header('x-content-sha256', still.sha256)
      .send(still.bytes);
  }
}

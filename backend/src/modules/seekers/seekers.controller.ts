import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { FairIdParams } from '../fairs/fairs.dto';
import {
  FairRegistrationDto,
  ResumeDto,
  ResumeInputDto,
  ResumeListDto,
  ResumeSearchQuery,
  SeekerIdParams,
  SeekerProfileDto,
  SeekerProfileInputDto,
  VerificationInputDto,
} from './seekers.dto';
import { renderResumePdf } from './resume-pdf';
import { ResumesService } from './resumes.service';
import { SeekersService } from './seekers.service';

@ApiTags('seekers')
@ApiBearerAuth()
@Controller()
export class SeekersController {
  constructor(
    private readonly seekers: SeekersService,
    private readonly resumes: ResumesService,
  ) {}

  /** Trainees share the same identity row: one real name per person across jobs and training. */
  @Roles('seeker', 'trainee')
  @Get('seekers/me')
  @ZodResponse({ status: 200, type: SeekerProfileDto })
  profile(@CurrentActor() actor: Actor) {
    return this.seekers.profile(actor.userId);
  }

  @Roles('seeker')
  @Put('seekers/me')
  @ZodResponse({ status: 200, type: SeekerProfileDto })
  updateProfile(@CurrentActor() actor: Actor, @Body() body: SeekerProfileInputDto) {
    return this.seekers.updateProfile(actor, body);
  }

  /** Real-name verification: the 身份证 number is checked, encrypted and only ever shown masked. */
  @Roles('seeker', 'trainee')
  @Post('seekers/me/verification')
  @ZodResponse({ status: 201, type: SeekerProfileDto })
  verify(@CurrentActor() actor: Actor, @Body() body: VerificationInputDto) {
    return this.seekers.verify(actor, body.realName, body.idNumber);
  }

  @Roles('seeker')
  @Post('seekers/me/fairs/:fairId')
  @ZodResponse({ status: 201, type: FairRegistrationDto })
  register(@CurrentActor() actor: Actor, @Param() params: FairIdParams) {
    return this.seekers.registerForFair(actor.userId, params.fairId);
  }

  @Roles('seeker')
  @Get('resumes/me')
  @ZodResponse({ status: 200, type: ResumeDto })
  myResume(@CurrentActor() actor: Actor) {
    return this.resumes.mine(actor);
  }

  @Roles('seeker')
  @Put('resumes/me')
  @ZodResponse({ status: 200, type: ResumeDto })
  saveResume(@CurrentActor() actor: Actor, @Body() body: ResumeInputDto) {
    return this.resumes.save(actor, body);
  }

  /** The seeker's own resume as a printable A4 PDF. */
  @Roles('seeker')
  @Get('resumes/me.pdf')
  @ApiProduces('application/pdf')
  async myResumePdf(@CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    await sendPdf(reply, await renderResumePdf(await this.resumes.mine(actor)), '个人简历.pdf');
  }

  /** An employer's download as PDF: audited and counted like any download (AS-25), contacts as allowed. */
  @Roles('employer')
  @Get('resumes/:userId/pdf')
  @ApiProduces('application/pdf')
  async resumePdf(@CurrentActor() actor: Actor, @Param() params: SeekerIdParams, @Res() reply: FastifyReply) {
    const resume = await this.resumes.downloadAsEmployer(actor, params.userId);
    await sendPdf(reply, await renderResumePdf(resume), `${resume.displayName}-简历.pdf`);
  }

  @Roles('employer')
  @Get('resumes')
  @ZodResponse({ status: 200, type: ResumeListDto })
  search(@CurrentActor() actor: Actor, @Query() query: ResumeSearchQuery) {
    return this.resumes.search(actor, query.q, query.page, query.pageSize);
  }

  @Roles('employer')
  @Get('resumes/:userId')
  @ZodResponse({ status: 200, type: ResumeDto })
  view(@CurrentActor() actor: Actor, @Param() params: SeekerIdParams) {
    return this.resumes.viewAsEmployer(actor, params.userId);
  }

  /** A download is audited every time and counted once per employer and resume (AS-25). */
  @Roles('employer')
  @Post('resumes/:userId/download')
  @ZodResponse({ status: 201, type: ResumeDto })
  download(@CurrentActor() actor: Actor, @Param() params: SeekerIdParams) {
    return this.resumes.downloadAsEmployer(actor, params.userId);
  }
}

function sendPdf(reply: FastifyReply, content: Buffer, fileName: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(content);
}

import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { FairIdParams } from '../fairs/fairs.dto';
import {
  AgencyApplicationDto,
  AgencyApplicationInputDto,
  AgencyApplicationListDto,
  AgencyColumnDto,
  AgencyDto,
  AgencyProfileInputDto,
  AttachmentDto,
  AttachmentListDto,
  DecisionDto,
  IdParams,
  PublicAgencyListDto,
  UploadAttachmentDto,
} from './agencies.dto';
import { AgenciesService } from './agencies.service';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller()
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Roles('agency')
  @Post('agencies')
  @ZodResponse({ status: 201, type: AgencyDto })
  register(@CurrentActor() actor: Actor, @Body() body: AgencyProfileInputDto) {
    return this.agencies.createProfile(actor, body);
  }

  @Roles('agency')
  @Get('agencies/me')
  @ZodResponse({ status: 200, type: AgencyDto })
  mine(@CurrentActor() actor: Actor) {
    return this.agencies.mine(actor);
  }

  @Roles('agency')
  @Post('agencies/me/attachments')
  @ZodResponse({ status: 201, type: AttachmentDto })
  upload(@CurrentActor() actor: Actor, @Body() body: UploadAttachmentDto) {
    return this.agencies.uploadAttachment(actor, body);
  }

  @Roles('agency')
  @Get('agencies/me/attachments')
  @ZodResponse({ status: 200, type: AttachmentListDto })
  async myAttachments(@CurrentActor() actor: Actor) {
    const agency = await this.agencies.ownedBy(actor.userId);
    return { items: await this.agencies.attachments(agency.id) };
  }

  @Roles('organizer', 'admin')
  @Get('agencies/:id/attachments')
  @ZodResponse({ status: 200, type: AttachmentListDto })
  async attachmentsOf(@Param() params: IdParams) {
    return { items: await this.agencies.attachments(params.id) };
  }

  @Get('agency-attachments/:id')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async download(@CurrentActor() actor: Actor, @Param() params: IdParams, @Res() reply: FastifyReply) {
    const file = await this.agencies.downloadAttachment(actor, params.id);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  }

  @Roles('agency')
  @Post('fairs/:fairId/agency-applications')
  @ZodResponse({ status: 201, type: AgencyApplicationDto })
  apply(
    @CurrentActor() actor: Actor,
    @Param() params: FairIdParams,
    @Body() body: AgencyApplicationInputDto,
  ) {
    return this.agencies.apply(actor, params.fairId, body);
  }

  @Roles('agency')
  @Get('agencies/me/applications')
  @ZodResponse({ status: 200, type: AgencyApplicationListDto })
  async myApplications(@CurrentActor() actor: Actor) {
    return { items: await this.agencies.myApplications(actor) };
  }

  @Roles('agency')
  @Get('agencies/me/fairs/:fairId/column')
  @ZodResponse({ status: 200, type: AgencyColumnDto })
  column(@CurrentActor() actor: Actor, @Param() params: FairIdParams) {
    return this.agencies.column(actor, params.fairId);
  }

  @Roles('organizer', 'admin')
  @Get('fairs/:fairId/agency-applications')
  @ZodResponse({ status: 200, type: AgencyApplicationListDto })
  async applications(@Param() params: FairIdParams) {
    return { items: await this.agencies.applicationsForFair(params.fairId) };
  }

  @Roles('organizer', 'admin')
  @Post('agency-applications/:id/decision')
  @ZodResponse({ status: 201, type: AgencyApplicationDto })
  decide(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: DecisionDto) {
    return this.agencies.decide(actor, params.id, body.decision, body.reason);
  }

  /** AS-08: what employers pick from and the portals publish. */
  @Public()
  @Get('fairs/:fairId/agencies')
  @ZodResponse({ status: 200, type: PublicAgencyListDto })
  async approved(@Param() params: FairIdParams) {
    return { items: await this.agencies.approvedForFair(params.fairId) };
  }
}

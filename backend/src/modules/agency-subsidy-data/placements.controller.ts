import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import {
  EvidenceDto,
  EvidenceUploadDto,
  FileUploadDto,
  IdParams,
  ImportResultDto,
  ImportResultListDto,
  PlacementFormDto,
  PlacementListDto,
  PlacementListQuery,
  PlacementViewDto,
  WithdrawDto,
  WorkerPlacementListDto,
} from './agency-subsidy-data.dto';
import { PlacementImportService } from './placement-import.service';
import { PlacementsService } from './placements.service';
import { WorkerPlacementsService } from './worker-placements.service';
import { sendXlsx, XLSX_TYPE } from './xlsx-reply';

/** Agencies record their placements (§5.1) with evidence; staff read them; a worker sees hers. */
@ApiTags('agency-subsidies')
@ApiBearerAuth()
@Controller()
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly imports: PlacementImportService,
    private readonly workers: WorkerPlacementsService,
  ) {}

  @Roles('agency')
  @Post('agency-placements')
  @ZodResponse({ status: 201, type: PlacementViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: PlacementFormDto) {
    return this.placements.create(actor, body);
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('agency-placements')
  @ZodResponse({ status: 200, type: PlacementListDto })
  async list(@CurrentActor() actor: Actor, @Query() query: PlacementListQuery) {
    return { items: await this.placements.list(actor, query) };
  }

  @Roles('agency')
  @Get('agency-placements/template.xlsx')
  @ApiProduces(XLSX_TYPE)
  async template(@Res() reply: FastifyReply) {
    await sendXlsx(reply, '推荐就业登记导入模板.xlsx', await this.imports.template());
  }

  @Roles('agency')
  @Post('agency-placements/imports')
  @ZodResponse({ status: 201, type: ImportResultDto })
  import(@CurrentActor() actor: Actor, @Body() body: FileUploadDto) {
    return this.imports.import(actor, body);
  }

  @Roles('agency')
  @Get('agency-placements/imports')
  @ZodResponse({ status: 200, type: ImportResultListDto })
  async importBatches(@CurrentActor() actor: Actor) {
    return { items: await this.imports.batches(actor) };
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('agency-placements/:id')
  @ZodResponse({ status: 200, type: PlacementViewDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.placements.view(actor, params.id);
  }

  @Roles('agency')
  @Post('agency-placements/:id/withdrawal')
  @ZodResponse({ status: 201, type: PlacementViewDto })
  withdraw(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: WithdrawDto) {
    return this.placements.withdraw(actor, params.id, body.reason);
  }

  @Roles('agency')
  @Post('agency-placements/:id/evidence')
  @ZodResponse({ status: 201, type: EvidenceDto })
  addEvidence(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: EvidenceUploadDto) {
    return this.placements.addEvidence(actor, params.id, body);
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('placement-evidence/:id')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async download(@CurrentActor() actor: Actor, @Param() params: IdParams, @Res() reply: FastifyReply) {
    const file = await this.placements.downloadEvidence(actor, params.id);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  }

  /** Any signed-in person: the placements recorded for her own 身份证. */
  @Get('subsidy-workers/me/placements')
  @ZodResponse({ status: 200, type: WorkerPlacementListDto })
  async mine(@CurrentActor() actor: Actor) {
    return { items: await this.workers.mine(actor) };
  }
}

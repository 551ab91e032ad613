import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import {
  AgencyClaimDto,
  AgencyClaimListDto,
  ClaimQuery,
  ExportQuery,
  IdParams,
  LineQuery,
  AgencySubsidyNoticeListDto,
  RecoverLineDto,
  ReplayReportDto,
  ReviewAgencyClaimDto,
  SubmitAgencyClaimDto,
  SubsidyLineDto,
  SubsidyLineListDto,
  SubsidyPeriodDto,
  SubsidyPeriodInputDto,
  SubsidyPeriodListDto,
  SubsidyRunDto,
} from './agency-subsidies.dto';
import { AgencySubsidyClaimsService } from './agency-subsidy-claims.service';
import { AgencySubsidyLinesService } from './agency-subsidy-lines.service';
import { FinanceExportService } from './finance-export.service';
import { SubsidyPeriodsService } from './subsidy-periods.service';
import { SubsidyReplayService } from './subsidy-replay.service';

/** HR-agency service subsidies: periods and their runs, lines with their why, claims to payment. */
@ApiTags('agency-subsidies')
@ApiBearerAuth()
@Controller()
export class AgencySubsidiesController {
  constructor(
    private readonly periods: SubsidyPeriodsService,
    private readonly lines: AgencySubsidyLinesService,
    private readonly claims: AgencySubsidyClaimsService,
    private readonly replays: SubsidyReplayService,
    private readonly finance: FinanceExportService,
  ) {}

  @Roles('organizer', 'admin')
  @Post('admin/subsidy-periods')
  @ZodResponse({ status: 201, type: SubsidyPeriodDto })
  createPeriod(@CurrentActor() actor: Actor, @Body() body: SubsidyPeriodInputDto) {
    return this.periods.create(actor, body);
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('subsidy-periods')
  @ZodResponse({ status: 200, type: SubsidyPeriodListDto })
  async listPeriods() {
    return { items: await this.periods.list() };
  }

  /** Starts the period's computation as a BullMQ flow; progress arrives over Socket.IO. */
  @Roles('organizer', 'admin')
  @Post('admin/subsidy-periods/:id/runs')
  @ZodResponse({ status: 201, type: SubsidyRunDto })
  startRun(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.periods.start(actor, id);
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('subsidy-runs/:id')
  @ZodResponse({ status: 200, type: SubsidyRunDto })
  run(@Param() { id }: IdParams) {
    return this.periods.run(id);
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('agency-subsidy-lines')
  @ZodResponse({ status: 200, type: SubsidyLineListDto })
  async listLines(@CurrentActor() actor: Actor, @Query() query: LineQuery) {
    return { items: await this.lines.list(actor, query) };
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('agency-subsidy-lines/:id')
  @ZodResponse({ status: 200, type: SubsidyLineDto })
  line(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.lines.one(actor, id);
  }

  @Roles('agency')
  @Post('agency-subsidy-claims')
  @ZodResponse({ status: 201, type: AgencyClaimDto })
  submit(@CurrentActor() actor: Actor, @Body() body: SubmitAgencyClaimDto) {
    return this.claims.submit(actor, body.periodId);
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('agency-subsidy-claims')
  @ZodResponse({ status: 200, type: AgencyClaimListDto })
  async listClaims(@CurrentActor() actor: Actor, @Query() query: ClaimQuery) {
    return { items: await this.claims.list(actor, query) };
  }

  @Roles('agency', 'organizer', 'admin')
  @Get('agency-subsidy-claims/:id')
  @ZodResponse({ status: 200, type: AgencyClaimDto })
  claim(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.claims.view(actor, id);
  }

  @Roles('organizer', 'admin')
  @Post('admin/agency-subsidy-claims/:id/review')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AgencyClaimDto })
  review(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: ReviewAgencyClaimDto) {
    return this.claims.review(actor, id, body);
  }

  @Roles('organizer', 'admin')
  @Post('admin/agency-subsidy-claims/:id/pay')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AgencyClaimDto })
  pay(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.claims.pay(actor, id);
  }

  @Roles('organizer', 'admin')
  @Post('admin/agency-subsidy-lines/:id/recover')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: SubsidyLineDto })
  recover(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: RecoverLineDto) {
    return this.claims.recover(actor, id, body.reason);
  }

  @Roles('organizer', 'admin')
  @Get('admin/agency-subsidy-lines/:id/replay')
  @ZodResponse({ status: 200, type: ReplayReportDto })
  replay(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.replays.replay(id, actor);
  }

  @Roles('organizer', 'admin')
  @Post('admin/agency-subsidy-lines/:id/replay')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ReplayReportDto })
  replayPost(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.replays.replay(id, actor);
  }

  @Roles('organizer', 'admin')
  @Get('admin/agency-subsidy-claims/export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@CurrentActor() actor: Actor, @Query() query: ExportQuery, @Res() reply: FastifyReply) {
    const { fileName, content } = await this.finance.workbook(actor, query.periodId);
    await reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(content);
  }

  /** 公示: who is to be paid for whom, names masked; no login. */
  @Public()
  @Get('public/agency-subsidy-notices')
  @ZodResponse({ status: 200, type: AgencySubsidyNoticeListDto })
  async notices() {
    return { items: await this.claims.notices() };
  }
}

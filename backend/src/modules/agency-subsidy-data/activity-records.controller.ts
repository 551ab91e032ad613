import { Body, Controller, Delete, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ActivityRecordsService } from './activity-records.service';
import {
  A4ServiceListDto,
  A5DownloadListDto,
  ActivityImportBatchDto,
  ActivityImportBatchListDto,
  ActivityKindParams,
  FileUploadDto,
  ListedAgencyInputDto,
  ListedAgencyListDto,
} from './agency-subsidy-data.dto';
import { sendXlsx, XLSX_TYPE } from './xlsx-reply';

const TEMPLATE_NAMES = { a4: '线上引才服务单位导入模板.xlsx', a5: '简历下载记录导入模板.xlsx' } as const;

/** 重庆英才网 statistics for A4/A5: staff read; only holders of activity_import change them. */
@ApiTags('agency-subsidies')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@Controller('activity-records')
export class ActivityRecordsController {
  constructor(private readonly records: ActivityRecordsService) {}

  @Get('imports')
  @ZodResponse({ status: 200, type: ActivityImportBatchListDto })
  async batches() {
    return { items: await this.records.batches() };
  }

  @Get('a4')
  @ZodResponse({ status: 200, type: A4ServiceListDto })
  async a4() {
    return { items: await this.records.a4Services() };
  }

  @Get('a5')
  @ZodResponse({ status: 200, type: A5DownloadListDto })
  async a5() {
    return { items: await this.records.a5Downloads() };
  }

  @Get(':kind/template.xlsx')
  @ApiProduces(XLSX_TYPE)
  async template(@Param() params: ActivityKindParams, @Res() reply: FastifyReply) {
    const kind = params.kind;
    await sendXlsx(reply, TEMPLATE_NAMES[kind], await this.records.template(kind === 'a4' ? 'A4' : 'A5'));
  }

  @Post(':kind/imports')
  @ZodResponse({ status: 201, type: ActivityImportBatchDto })
  import(@CurrentActor() actor: Actor, @Param() params: ActivityKindParams, @Body() body: FileUploadDto) {
    return this.records.import(actor, params.kind === 'a4' ? 'A4' : 'A5', body);
  }

  @Get('listed-agencies')
  @ZodResponse({ status: 200, type: ListedAgencyListDto })
  async listed() {
    return { items: await this.records.listedAgencies() };
  }

  @Post('listed-agencies')
  @ZodResponse({ status: 201, type: ListedAgencyListDto })
  async list(@CurrentActor() actor: Actor, @Body() body: ListedAgencyInputDto) {
    return { items: await this.records.setListed(actor, body.agencyUscc, true) };
  }

  @Delete('listed-agencies/:agencyUscc')
  @ZodResponse({ status: 200, type: ListedAgencyListDto })
  async unlist(@CurrentActor() actor: Actor, @Param() params: ListedAgencyInputDto) {
    return { items: await this.records.setListed(actor, params.agencyUscc, false) };
  }
}

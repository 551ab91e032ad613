import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import {
  FileUploadDto,
  ImportResultDto,
  ImportResultListDto,
  KeyEnterpriseDto,
  KeyEnterpriseInputDto,
  KeyEnterpriseListDto,
  KeyEnterpriseListQuery,
  SiListQuery,
  SiMonthListDto,
} from './agency-subsidy-data.dto';
import { KeyEnterprisesService } from './key-enterprises.service';
import { SocialInsuranceService } from './social-insurance.service';
import { sendXlsx, XLSX_TYPE } from './xlsx-reply';

/** Staff-kept registers the A1/A2 rules read: 社保 months and the 重点企业名录. Never the agency. */
@ApiTags('agency-subsidies')
@ApiBearerAuth()
@Controller()
export class SubsidyRegistersController {
  constructor(
    private readonly si: SocialInsuranceService,
    private readonly keyEnterprises: KeyEnterprisesService,
  ) {}

  @Roles('organizer', 'admin')
  @Get('social-insurance-months')
  @ZodResponse({ status: 200, type: SiMonthListDto })
  async siMonths(@CurrentActor() actor: Actor, @Query() query: SiListQuery) {
    return { items: await this.si.list(actor, query) };
  }

  @Roles('organizer', 'admin')
  @Get('social-insurance-months/template.xlsx')
  @ApiProduces(XLSX_TYPE)
  async siTemplate(@Res() reply: FastifyReply) {
    await sendXlsx(reply, '社保缴费月份导入模板.xlsx', await this.si.template());
  }

  @Roles('organizer', 'admin')
  @Post('social-insurance-months/imports')
  @ZodResponse({ status: 201, type: ImportResultDto })
  importSi(@CurrentActor() actor: Actor, @Body() body: FileUploadDto) {
    return this.si.import(actor, body);
  }

  @Roles('organizer', 'admin')
  @Get('social-insurance-months/imports')
  @ZodResponse({ status: 200, type: ImportResultListDto })
  async siBatches() {
    return { items: await this.si.batches() };
  }

  @Roles('organizer', 'admin')
  @Get('key-enterprises')
  @ZodResponse({ status: 200, type: KeyEnterpriseListDto })
  async keyEnterpriseList(@Query() query: KeyEnterpriseListQuery) {
    return { items: await this.keyEnterprises.list(query) };
  }

  @Roles('organizer', 'admin')
  @Post('key-enterprises')
  @ZodResponse({ status: 201, type: KeyEnterpriseDto })
  addKeyEnterprise(@CurrentActor() actor: Actor, @Body() body: KeyEnterpriseInputDto) {
    return this.keyEnterprises.create(actor, body);
  }

  @Roles('organizer', 'admin')
  @Get('key-enterprises/template.xlsx')
  @ApiProduces(XLSX_TYPE)
  async keyEnterpriseTemplate(@Res() reply: FastifyReply) {
    await sendXlsx(reply, '重点企业名录导入模板.xlsx', await this.keyEnterprises.template());
  }

  @Roles('organizer', 'admin')
  @Post('key-enterprises/imports')
  @ZodResponse({ status: 201, type: ImportResultDto })
  importKeyEnterprises(@CurrentActor() actor: Actor, @Body() body: FileUploadDto) {
    return this.keyEnterprises.import(actor, body);
  }
}

import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  biweeklyPeriod,
  businessDate,
  IsoDate,
  TRAINING_REPORT_DIMENSIONS,
  TrainingReportSchema,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { Roles } from '../../common/auth/decorators';
import { biweeklyWorkbook } from './biweekly-report.xlsx';
import { TrainingReportsService } from './training-reports.service';

class TrainingReportQuery extends createZodDto(
  z
    .object({
      dimension: z.enum(TRAINING_REPORT_DIMENSIONS).default('district'),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
    })
    .strict(),
) {}
class BiweeklyQuery extends createZodDto(z.object({ to: IsoDate.optional() }).strict()) {}
class TrainingReportDto extends createZodDto(TrainingReportSchema) {}

/** The organizer's training figures (R5, R6): on screen by dimension, and the 双周调度 export. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/training')
export class TrainingReportsController {
  constructor(private readonly reports: TrainingReportsService) {}

  @Roles('organizer', 'admin')
  @Get()
  @ZodResponse({ status: 200, type: TrainingReportDto })
  report(@Query() query: TrainingReportQuery) {
    const period = biweeklyPeriod(query.to ?? businessDate());
    const from = query.from ?? period.from;
    if (from > period.to)
      throw new AppError('DATE_INVALID', 'The period starts after it ends. 起止日期有误。');
    return this.reports.report(query.dimension, from, period.to);
  }

  @Roles('organizer', 'admin')
  @Get('biweekly.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async biweekly(@Query() query: BiweeklyQuery, @Res() reply: FastifyReply) {
    const { from, to } = biweeklyPeriod(query.to ?? businessDate());
    const [platform, institution, occupation, district] = await Promise.all(
      TRAINING_REPORT_DIMENSIONS.map((d) => this.reports.report(d, from, to)),
    );
    const content = await biweeklyWorkbook({ platform, institution, occupation, district });
    const fileName = `线上培训双周调度表_${from}_${to}.xlsx`;
    await reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(content);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsoDate, SEEKER_FLAGS } from '@platform/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { FairIdParams } from '../fairs/fairs.dto';
import { ReportsService } from './reports.service';

class DailyQuery extends createZodDto(
  z.object({ fairId: z.string().uuid(), agencyId: z.string().uuid().optional(), day: IsoDate.optional() }),
) {}
const Counted = z.object({ key: z.string(), value: z.number() });
class DailyReportDto extends createZodDto(
  z.object({
    report: z.object({
      fairId: z.string(),
      agencyId: z.string(),
      day: z.string(),
      employers: z.array(z.object({ id: z.string(), name: z.string() })),
      universities: z.array(
        z.object({ university: z.string(), graduates: z.number(), submissions: z.number() }),
      ),
      totals: z.object({ employers: z.number(), graduates: z.number(), submissions: z.number() }),
    }),
    names: z.object({ fair: z.string(), agency: z.string() }),
  }),
) {}
class RosterDto extends createZodDto(
  z
    .object({
      rows: z
        .array(
          z
            .object({
              university: z.string().trim().min(1).max(100),
              name: z.string().trim().min(1).max(50),
              idNumber: z.string().trim().toUpperCase(),
              flags: z.array(z.enum(SEEKER_FLAGS)).min(1),
            })
            .strict(),
        )
        .min(1)
        .max(5000),
    })
    .strict(),
) {}
class CoverageQuery extends createZodDto(z.object({ flag: z.enum(SEEKER_FLAGS).optional() })) {}
class CoverageDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        university: z.string(),
        name: z.string(),
        idNumberMasked: z.string(),
        flags: z.array(z.string()),
        registered: z.boolean(),
      }),
    ),
    totals: z.object({ listed: z.number(), registered: z.number() }),
  }),
) {}
class OverviewDto extends createZodDto(
  z.object({
    totals: z.object({
      employers: z.number(),
      positions: z.number(),
      seekers: z.number(),
      applications: z.number(),
      hires: z.number(),
      interviews: z.number(),
    }),
    applicationsByDay: z.array(Counted),
    hiresByDay: z.array(Counted),
    positionsByDay: z.array(Counted),
    employersByDay: z.array(Counted),
    seekersByDay: z.array(Counted),
    positionsByDistrict: z.array(Counted),
    employersByIndustry: z.array(Counted),
    seekersByUniversity: z.array(Counted),
  }),
) {}

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The agency daily report of S3:3894-3896 (previous day by default). */
  @ApiBearerAuth()
  @Roles('agency', 'organizer', 'admin')
  @Get('reports/daily')
  @ZodResponse({ status: 200, type: DailyReportDto })
  daily(@CurrentActor() actor: Actor, @Query() query: DailyQuery) {
    return this.reports.daily(actor, query.fairId, query.agencyId, query.day);
  }

  @ApiBearerAuth()
  @Roles('agency', 'organizer', 'admin')
  @Get('reports/daily.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async dailyXlsx(@CurrentActor() actor: Actor, @Query() query: DailyQuery, @Res() reply: FastifyReply) {
    const file = await this.reports.dailyWorkbook(actor, query.fairId, query.agencyId, query.day);
    await reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Get('reports/overview')
  @ZodResponse({ status: 200, type: OverviewDto })
  overview() {
    return this.reports.overview();
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post('fairs/:fairId/roster')
  @ZodResponse({ status: 201, type: class extends createZodDto(z.object({ imported: z.number() })) {} })
  importRoster(@CurrentActor() actor: Actor, @Param() params: FairIdParams, @Body() body: RosterDto) {
    return this.reports.importRoster(actor, params.fairId, body.rows);
  }

  /** AS-46: which flagged graduates of the rosters have not yet taken part. */
  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Get('fairs/:fairId/coverage')
  @ZodResponse({ status: 200, type: CoverageDto })
  coverage(@Param() params: FairIdParams, @Query() query: CoverageQuery) {
    return this.reports.coverage(params.fairId, query.flag);
  }

  /**
   * AS-43: the fair and its published positions for 中国公共招聘网, as last exported by the
   * export job (format `platform.fair-feed/1`, refreshed every SYNDICATION_INTERVAL_MINUTES).
   */
  @Public()
  @Get('feeds/fairs/:fairId')
  feed(@Param() params: FairIdParams) {
    return this.reports.feed(params.fairId);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post('feeds/export')
  @HttpCode(202)
  exportNow() {
    return this.reports.enqueueExport();
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { HealthReportDto } from './health.dto';
import { HealthReport, HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when PostgreSQL, Redis and Elasticsearch all answer; 503 with the same body otherwise. */
  @Public()
  @Get()
  @ApiOkResponse({ description: 'Every dependency is up', type: HealthReportDto })
  @ApiServiceUnavailableResponse({ description: 'At least one dependency is down', type: HealthReportDto })
  async get(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status !== 'ok') reply.status(503);
    return report;
  }
}

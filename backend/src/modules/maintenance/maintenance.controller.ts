import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { MaintenanceService } from './maintenance.service';

class PurgeSessionsDto extends createZodDto(
  z.object({ olderThanDays: z.number().int().min(0).max(365).default(7) }).strict(),
) {}
class JobIdParams extends createZodDto(z.object({ id: z.string().min(1).max(128) })) {}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/maintenance')
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  @Post('purge-sessions')
  @HttpCode(202)
  purgeSessions(@Body() body: PurgeSessionsDto) {
    return this.maintenance.enqueuePurge(body.olderThanDays);
  }

  @Get('jobs/:id')
  async job(@Param() params: JobIdParams) {
    const state = await this.maintenance.jobState(params.id);
    if (!state) throw new AppError('NOT_FOUND', 'No such job. 任务不存在。');
    return state;
  }
}

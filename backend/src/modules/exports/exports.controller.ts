import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { STAFF_PERMISSIONS } from '../../common/auth/staff-permission';
import { FairIdParams } from '../fairs/fairs.dto';
import { ExportsService } from './exports.service';

class GrantDto extends createZodDto(z.object({ permission: z.enum(STAFF_PERMISSIONS) }).strict()) {}
class GrantedDto extends createZodDto(z.object({ userId: z.string().uuid(), permission: z.string() })) {}
class UserParams extends createZodDto(z.object({ id: z.string().uuid() })) {}

@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Roles('admin')
  @Post('users/:id/permissions')
  @ZodResponse({ status: 201, type: GrantedDto })
  grant(@CurrentActor() actor: Actor, @Param() params: UserParams, @Body() body: GrantDto) {
    return this.exports.grant(actor, params.id, body.permission);
  }

  @Roles('organizer', 'admin')
  @Get('fairs/:fairId/exports/applications.csv')
  @ApiProduces('text/csv')
  async applications(
    @CurrentActor() actor: Actor,
    @Param() params: FairIdParams,
    @Res() reply: FastifyReply,
  ) {
    const csv = await this.exports.applicationsCsv(actor, params.fairId);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="applications-${params.fairId}.csv"`)
      .send(`\uFEFF${csv}`);
  }
}

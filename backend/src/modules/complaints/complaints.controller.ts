import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import {
  ComplaintDto,
  ComplaintIdParams,
  ComplaintInputDto,
  ComplaintListDto,
  ComplaintListQuery,
  ResolveComplaintDto,
  SanctionInputDto,
} from './complaints.dto';
import { ComplaintsService } from './complaints.service';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller()
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  /** Anyone signed in may report: graduates, and university staff naming their university. */
  @Post('complaints')
  @ZodResponse({ status: 201, type: ComplaintDto })
  file(@CurrentActor() actor: Actor, @Body() body: ComplaintInputDto) {
    return this.complaints.file(actor, body);
  }

  @Get('complaints/mine')
  @ZodResponse({ status: 200, type: ComplaintListDto })
  async mine(@CurrentActor() actor: Actor) {
    return { items: await this.complaints.mine(actor) };
  }

  @Roles('organizer', 'admin')
  @Get('complaints')
  @ZodResponse({ status: 200, type: ComplaintListDto })
  async list(@Query() query: ComplaintListQuery) {
    return { items: await this.complaints.list(query.status) };
  }

  @Roles('organizer', 'admin')
  @Post('complaints/:id/handling')
  @ZodResponse({ status: 201, type: ComplaintDto })
  handle(
    @CurrentActor() actor: Actor,
    @Param() params: ComplaintIdParams,
    @Body() body: ResolveComplaintDto,
  ) {
    return this.complaints.handle(actor, params.id, body);
  }

  @Roles('organizer', 'admin')
  @Post('sanctions')
  @HttpCode(204)
  async sanction(@CurrentActor() actor: Actor, @Body() body: SanctionInputDto) {
    await this.complaints.sanction(actor, body);
  }
}

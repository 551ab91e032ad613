import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { FairIdParams } from '../fairs/fairs.dto';
import {
  EmployerDecisionDto,
  EmployerDto,
  EmployerFlagsDto,
  EmployerIdParams,
  EmployerInputDto,
  EmployerListDto,
  EmployerListQuery,
  FairAgencyParams,
  ParticipationDto,
  ParticipationListDto,
} from './employers.dto';
import { EmployersService } from './employers.service';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Roles('employer')
  @Post()
  @ZodResponse({ status: 201, type: EmployerDto })
  register(@CurrentActor() actor: Actor, @Body() body: EmployerInputDto) {
    return this.employers.register(actor, body);
  }

  @Roles('employer')
  @Get('me')
  @ZodResponse({ status: 200, type: EmployerDto })
  mine(@CurrentActor() actor: Actor) {
    return this.employers.mine(actor);
  }

  @Roles('employer')
  @Put('me')
  @ZodResponse({ status: 200, type: EmployerDto })
  update(@CurrentActor() actor: Actor, @Body() body: EmployerInputDto) {
    return this.employers.update(actor, body);
  }

  @Roles('employer')
  @Post('me/fairs/:fairId')
  @ZodResponse({ status: 201, type: ParticipationDto })
  join(@CurrentActor() actor: Actor, @Param() params: FairIdParams) {
    return this.employers.joinFair(actor, params.fairId);
  }

  @Roles('employer')
  @Get('me/fairs')
  @ZodResponse({ status: 200, type: ParticipationListDto })
  myFairs(@CurrentActor() actor: Actor) {
    return this.employers.myFairs(actor);
  }

  @Roles('employer')
  @Get('me/fairs/:fairId')
  @ZodResponse({ status: 200, type: ParticipationDto })
  participation(@CurrentActor() actor: Actor, @Param() params: FairIdParams) {
    return this.employers.participation(actor, params.fairId);
  }

  @Roles('employer')
  @Put('me/fairs/:fairId/agencies/:agencyId')
  @ZodResponse({ status: 200, type: ParticipationDto })
  selectAgency(@CurrentActor() actor: Actor, @Param() params: FairAgencyParams) {
    return this.employers.selectAgency(actor, params.fairId, params.agencyId);
  }

  @Roles('employer')
  @Delete('me/fairs/:fairId/agencies/:agencyId')
  @ZodResponse({ status: 200, type: ParticipationDto })
  deselectAgency(@CurrentActor() actor: Actor, @Param() params: FairAgencyParams) {
    return this.employers.deselectAgency(actor, params.fairId, params.agencyId);
  }

  @Roles('organizer', 'admin')
  @Get()
  @ZodResponse({ status: 200, type: EmployerListDto })
  list(@Query() query: EmployerListQuery) {
    return this.employers.list(query.status, query.page, query.pageSize);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: EmployerDto })
  get(@CurrentActor() actor: Actor, @Param() params: EmployerIdParams) {
    return this.employers.get(actor, params.id);
  }

  @Roles('organizer', 'admin')
  @Post(':id/review')
  @ZodResponse({ status: 201, type: EmployerDto })
  review(@CurrentActor() actor: Actor, @Param() params: EmployerIdParams, @Body() body: EmployerDecisionDto) {
    return this.employers.review(actor, params.id, body.decision, body.reason);
  }

  @Roles('organizer', 'admin')
  @Patch(':id/flags')
  @ZodResponse({ status: 200, type: EmployerDto })
  flags(@CurrentActor() actor: Actor, @Param() params: EmployerIdParams, @Body() body: EmployerFlagsDto) {
    return this.employers.setFlags(actor, params.id, body);
  }
}

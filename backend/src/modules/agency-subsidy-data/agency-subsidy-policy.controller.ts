import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { AgencySubsidyPolicyService, openValues } from './agency-subsidy-policy.service';
import {
  AgencyPolicyDto,
  AgencyPolicyInputDto,
  AgencyPolicyListDto,
  PolicyVersionParams,
} from './agency-subsidy-data.dto';

/** Administrators set the §9 values as new versions; a version is never edited in place. */
@ApiTags('agency-subsidies')
@ApiBearerAuth()
@Controller('agency-subsidies/policies')
export class AgencySubsidyPolicyController {
  constructor(private readonly policies: AgencySubsidyPolicyService) {}

  @Roles('admin')
  @Get()
  @ZodResponse({ status: 200, type: AgencyPolicyListDto })
  async list() {
    const { items, defaults } = await this.policies.list();
    const current = await this.policies.effectiveAt();
    return {
      items: items.map((v) => ({ ...v, open: openValues(v) })),
      defaults: { ...defaults, open: openValues(defaults) },
      currentVersion: current.version,
    };
  }

  @Roles('admin')
  @Get(':version')
  @ZodResponse({ status: 200, type: AgencyPolicyDto })
  async get(@Param() params: PolicyVersionParams) {
    const version = await this.policies.byVersion(params.version);
    return { ...version, open: openValues(version) };
  }

  @Roles('admin')
  @Post()
  @ZodResponse({ status: 201, type: AgencyPolicyDto })
  async create(@CurrentActor() actor: Actor, @Body() body: AgencyPolicyInputDto) {
    const version = await this.policies.create(actor, body);
    return { ...version, open: openValues(version) };
  }
}

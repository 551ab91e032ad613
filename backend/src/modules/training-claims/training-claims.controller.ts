import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { IdParams } from '../training/training.dto';
import {
  ClaimInputDto,
  ClaimListDto,
  ClaimListQuery,
  ClaimReplayDto,
  ClaimViewDto,
  EnterprisePeriodDto,
  EnterprisePeriodInputDto,
  EnterprisePeriodListDto,
  EnterprisePeriodReviewDto,
  NoticeListDto,
  RejectClaimDto,
  SubsidyPolicyDto,
  SubsidyPolicyInputDto,
  SubsidyPolicyListDto,
} from './training-claims.dto';
import { TrainingClaimsService } from './training-claims.service';
import { SubsidyPolicyService } from './subsidy-policy.service';
import { EnterprisePeriodsService } from './enterprise-periods.service';

/** Training-subsidy claims (§4.2): filed online, reviewed, noticed in public, paid. */
@ApiTags('training')
@ApiBearerAuth()
@Controller()
export class TrainingClaimsController {
  constructor(
    private readonly claims: TrainingClaimsService,
    private readonly policies: SubsidyPolicyService,
    private readonly periods: EnterprisePeriodsService,
  ) {}

  @Roles('trainee', 'institution', 'employer')
  @Post('training/claims')
  @ZodResponse({ status: 201, type: ClaimViewDto })
  submit(@CurrentActor() actor: Actor, @Body() body: ClaimInputDto) {
    return this.claims.submit(actor, body);
  }

  @Roles('trainee', 'institution', 'employer', 'organizer', 'admin')
  @Get('training/claims')
  @ZodResponse({ status: 200, type: ClaimListDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ClaimListQuery) {
    return { items: await this.claims.list(actor, query.status) };
  }

  @Roles('trainee', 'institution', 'employer', 'organizer', 'admin')
  @Get('training/claims/:id')
  @ZodResponse({ status: 200, type: ClaimViewDto })
  one(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.claims.view(actor, id);
  }

  @Roles('trainee', 'institution', 'employer', 'organizer', 'admin')
  @Get('training/claims/:id/replay')
  @ZodResponse({ status: 200, type: ClaimReplayDto })
  replay(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.claims.replay(actor, id);
  }

  @Roles('organizer', 'admin')
  @Post('training/claims/:id/approve')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ClaimViewDto })
  approve(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.claims.approve(actor, id);
  }

  @Roles('organizer', 'admin')
  @Post('training/claims/:id/reject')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ClaimViewDto })
  reject(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: RejectClaimDto) {
    return this.claims.reject(actor, id, body.reason);
  }

  @Roles('organizer', 'admin')
  @Post('training/claims/:id/pay')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ClaimViewDto })
  pay(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.claims.pay(actor, id);
  }

  /** 公示: anyone may read who is to be paid, by masked name. */
  @Public()
  @Get('public/training/claim-notices')
  @ZodResponse({ status: 200, type: NoticeListDto })
  async notices() {
    return { items: await this.claims.notices() };
  }

  @Roles('organizer', 'admin')
  @Get('training/subsidy-policies')
  @ZodResponse({ status: 200, type: SubsidyPolicyListDto })
  subsidyPolicies() {
    return this.policies.list();
  }

  @Roles('admin')
  @Post('training/subsidy-policies')
  @ZodResponse({ status: 201, type: SubsidyPolicyDto })
  createSubsidyPolicy(@CurrentActor() actor: Actor, @Body() body: SubsidyPolicyInputDto) {
    return this.policies.create(actor, body);
  }

  /** 停工期/恢复期 (E8, E9): declared by the enterprise, verified by staff. */
  @Roles('employer')
  @Post('training/enterprise-periods')
  @ZodResponse({ status: 201, type: EnterprisePeriodDto })
  declarePeriod(@CurrentActor() actor: Actor, @Body() body: EnterprisePeriodInputDto) {
    return this.periods.declare(actor, body);
  }

  @Roles('employer')
  @Get('training/enterprise-periods/mine')
  @ZodResponse({ status: 200, type: EnterprisePeriodListDto })
  async myPeriods(@CurrentActor() actor: Actor) {
    return { items: await this.periods.mine(actor) };
  }

  @Roles('organizer', 'admin')
  @Get('training/enterprise-periods')
  @ZodResponse({ status: 200, type: EnterprisePeriodListDto })
  async pendingPeriods() {
    return { items: await this.periods.pending() };
  }

  @Roles('organizer', 'admin')
  @Post('training/enterprise-periods/:id/review')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: EnterprisePeriodDto })
  reviewPeriod(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: EnterprisePeriodReviewDto,
  ) {
    return this.periods.review(actor, id, body.decision, body.reason);
  }
}

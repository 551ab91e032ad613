import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgreementSchema, AgreementTermsSchema, AgreementVerificationSchema } from '@platform/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { AgreementsService } from './agreements.service';

class AgreementDto extends createZodDto(AgreementSchema) {}
class AgreementListDto extends createZodDto(z.object({ items: z.array(AgreementSchema) })) {}
class AgreementTermsDto extends createZodDto(AgreementTermsSchema) {}
class VerificationDto extends createZodDto(AgreementVerificationSchema) {}
class SignDto extends createZodDto(z.object({ consentToElectronicForm: z.boolean() }).strict()) {}
class RevokeDto extends createZodDto(z.object({ reason: z.string().trim().min(1).max(2000) }).strict()) {}
class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}

@ApiTags('agreements')
@ApiBearerAuth()
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Roles('employer')
  @Post('applications/:id/agreement')
  @ZodResponse({ status: 201, type: AgreementDto })
  offer(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: AgreementTermsDto) {
    return this.agreements.offer(actor, params.id, body);
  }

  @Roles('organizer', 'admin')
  @Get('agreements/flagged')
  @ZodResponse({ status: 200, type: AgreementListDto })
  async flagged() {
    return { items: await this.agreements.flagged() };
  }

  @Get('agreements/:id')
  @ZodResponse({ status: 200, type: AgreementDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.agreements.get(actor, params.id);
  }

  @Get('agreements/:id/verification')
  @ZodResponse({ status: 200, type: VerificationDto })
  verify(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.agreements.verify(actor, params.id);
  }

  @Roles('seeker')
  @Post('agreements/:id/signature')
  @ZodResponse({ status: 201, type: AgreementDto })
  sign(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: SignDto) {
    return this.agreements.sign(actor, params.id, body.consentToElectronicForm);
  }

  @Roles('employer')
  @Post('agreements/:id/revocation')
  @ZodResponse({ status: 201, type: AgreementDto })
  revoke(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: RevokeDto) {
    return this.agreements.revoke(actor, params.id, body.reason);
  }

  @Roles('organizer', 'admin')
  @Post('agreements/:id/report-for-duty')
  @ZodResponse({ status: 201, type: AgreementDto })
  reportForDuty(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.agreements.reportForDuty(actor, params.id);
  }
}

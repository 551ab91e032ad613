import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../../../common/auth/decorators';
import { CompletionCertificates } from './completion-certificates.service';
import { CodeParams, PublicCertificateDto } from './completion.dto';

/** Anyone holding a 培训合格证明 code may check it, without an account; lookups are rate limited. */
@ApiTags('public')
@Controller('public/certificates')
export class PublicCertificateController {
  constructor(private readonly certificates: CompletionCertificates) {}

  @Public()
  @Get(':code')
  @ZodResponse({ status: 200, type: PublicCertificateDto })
  verify(@Param() { code }: CodeParams, @Req() request: FastifyRequest) {
    return this.certificates.verify(code, request.ip);
  }
}

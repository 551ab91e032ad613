import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CertificateContent } from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateRevocations } from './certificate-revocations.service';
import { CompletionCertificates } from './completion-certificates.service';
import { CompletionDecisions } from './completion-decision.service';
import { CompletionRequests } from './completion-requests.service';
import { CompletionViews } from './completion-views.service';
import {
  CertificateRevokedDto,
  CompletionEvidenceDto,
  CompletionListDto,
  CompletionListQueryDto,
  DecisionReplayDto,
  EnrolmentCompletionDto,
  IdParams,
  JobRequestedDto,
  LedgerDto,
  RevokeCertificateDto,
  SweepRequestDto,
} from './completion.dto';

/** Completion decisions, the learning ledger and certificate downloads (training.md §4.1, R2, R4). */
@ApiTags('training')
@ApiBearerAuth()
@Controller('training')
export class CompletionController {
  constructor(
    private readonly views: CompletionViews,
    private readonly decisions: CompletionDecisions,
    private readonly requests: CompletionRequests,
    private readonly certificates: CompletionCertificates,
    private readonly revocations: CertificateRevocations,
  ) {}

  @Get('enrolments/:id/completion')
  @ZodResponse({ status: 200, type: EnrolmentCompletionDto })
  completion(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.views.completionOf(actor, id);
  }

  @Get('enrolments/:id/completion/evidence')
  @ZodResponse({ status: 200, type: CompletionEvidenceDto })
  evidence(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.views.evidence(actor, id);
  }

  @Roles('organizer', 'admin')
  @Post('enrolments/:id/completion/evaluate')
  @ZodResponse({ status: 201, type: JobRequestedDto })
  async evaluate(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    await this.views.assertReviewerDistrict(actor, id);
    return this.requests.requestEvaluation(id, `manual.${Date.now()}`);
  }

  @Get('ledger/mine')
  @ZodResponse({ status: 200, type: LedgerDto })
  ledger(@CurrentActor() actor: Actor) {
    return this.views.ledgerOf(actor);
  }

  @Roles('organizer', 'admin')
  @Get('completions')
  @ZodResponse({ status: 200, type: CompletionListDto })
  list(@CurrentActor() actor: Actor, @Query() query: CompletionListQueryDto) {
    return this.views.list(actor, query);
  }

  @Roles('admin')
  @Post('completions/sweep')
  @ZodResponse({ status: 201, type: JobRequestedDto })
  sweep(@Body() body: SweepRequestDto) {
    return this.requests.requestSweep(body);
  }

  /** Re-runs a stored decision from its stored input and policy version. */
  @Roles('organizer', 'admin')
  @Get('completion-decisions/:id/replay')
  @ZodResponse({ status: 200, type: DecisionReplayDto })
  replay(@Param() { id }: IdParams) {
    return this.decisions.replay(id);
  }

  @Roles('organizer', 'admin')
  @Post('certificates/:id/revoke')
  @ZodResponse({ status: 201, type: CertificateRevokedDto })
  revoke(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: RevokeCertificateDto) {
    return this.revocations.revoke(actor, id, body);
  }

  @Get('certificates/:id/pdf')
  @ApiProduces('application/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Res() reply: FastifyReply) {
    const c = await this.certificates.forDownload(actor, id);
    const pdf = await renderCertificatePdf(
      c.content as CertificateContent,
      c.verificationCode,
      this.certificates.verifyUrl(c.verificationCode),
      c.revokedAt !== null,
    );
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename*=UTF-8''${encodeURIComponent(`培训合格证明-${c.verificationCode}.pdf`)}`,
      )
      .send(pdf);
  }
}

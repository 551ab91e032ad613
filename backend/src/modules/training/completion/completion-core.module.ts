import { Module } from '@nestjs/common';
import { CompletionInputLoader } from '../completion-input.loader';
import { TrainingPolicyService } from '../training-policy.service';
import { CompletionCertificates } from './completion-certificates.service';
import { CompletionDecisions } from './completion-decision.service';
import { CompletionRequests } from './completion-requests.service';
import { CompletionViews } from './completion-views.service';

/**
 * Completion decisions and certificates, shared by the api and the worker. `CompletionRequests`
 * is what other features inject to ask for an evaluation (the learning module on session close).
 */
@Module({
  providers: [
    CompletionInputLoader,
    TrainingPolicyService,
    CompletionCertificates,
    CompletionDecisions,
    CompletionRequests,
    CompletionViews,
  ],
  exports: [
    CompletionInputLoader,
    TrainingPolicyService,
    CompletionCertificates,
    CompletionDecisions,
    CompletionRequests,
    CompletionViews,
  ],
})
export class CompletionCoreModule {}

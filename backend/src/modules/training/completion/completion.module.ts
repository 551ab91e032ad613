import { Module } from '@nestjs/common';
import { CertificateRevocations } from './certificate-revocations.service';
import { CompletionCoreModule } from './completion-core.module';
import { CompletionController } from './completion.controller';
import { PublicCertificateController } from './public-certificate.controller';

/** The completion api: decisions explained, the ledger, certificates and their public check. */
@Module({
  imports: [CompletionCoreModule],
  controllers: [CompletionController, PublicCertificateController],
  providers: [CertificateRevocations],
  exports: [CompletionCoreModule],
})
export class CompletionModule {}

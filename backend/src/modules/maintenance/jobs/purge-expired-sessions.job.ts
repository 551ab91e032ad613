import { Injectable, Logger } from '@nestjs/common';
import { JobName, PurgeExpiredSessionsPayload } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { RefreshTokensRepository } from '../../auth/refresh-tokens.repository';

/** Deletes refresh tokens nobody can use any more; running it twice deletes nothing more. */
@Injectable()
@HandlesJob(JobName.purgeExpiredSessions)
export class PurgeExpiredSessionsJob implements JobHandler<PurgeExpiredSessionsPayload, { deleted: number }> {
  private readonly logger = new Logger(PurgeExpiredSessionsJob.name);

  constructor(private readonly refreshTokens: RefreshTokensRepository) {}

  async handle(payload: PurgeExpiredSessionsPayload): Promise<{ deleted: number }> {
    const deleted = await this.refreshTokens.purgeOlderThan(payload.olderThanDays);
    this.logger.log({ deleted, olderThanDays: payload.olderThanDays }, 'purged refresh tokens');
    return { deleted };
  }
}

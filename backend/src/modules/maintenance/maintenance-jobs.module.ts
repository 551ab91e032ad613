import { Module } from '@nestjs/common';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { PurgeExpiredSessionsJob } from './jobs/purge-expired-sessions.job';

/** The maintenance feature's job handlers; the worker process imports this module. */
@Module({ providers: [RefreshTokensRepository, PurgeExpiredSessionsJob] })
export class MaintenanceJobsModule {}

/**
 * What the worker process (jobs/) takes from the backend: the shared infrastructure and every
 * feature module that contributes job handlers. Add a feature's jobs module here.
 */
export { CoreModule } from './core.module';
export { loadConfig } from './config/config';
export type { AppConfig } from './config/config';
export { APP_CONFIG } from './config/config';
export { JobHandlerRegistry } from './infra/queue/job-handler';
export { createRootLogger, PinoNestLogger } from './common/logging/logger';
export { runMigrations } from './database/migrate';
import { MaintenanceJobsModule } from './modules/maintenance/maintenance-jobs.module';
import { ReportsJobsModule } from './modules/reports/reports-jobs.module';
import { SearchJobsModule } from './modules/search/search-jobs.module';
import { OutreachJobsModule } from './modules/outreach/outreach-jobs.module';
import { CompletionJobsModule } from './modules/training/completion/completion-jobs.module';
import { LearningJobsModule } from './modules/learning/learning-jobs.module';
import { AgencySubsidiesJobsModule } from './modules/agency-subsidies/agency-subsidies-jobs.module';
import { InterviewsJobsModule } from './modules/interviews/interviews-jobs.module';
import { CallsJobsModule } from './modules/calls/calls-jobs.module';

export const JOB_FEATURE_MODULES = [
  MaintenanceJobsModule,
  ReportsJobsModule,
  SearchJobsModule,
  OutreachJobsModule,
  CompletionJobsModule,
  LearningJobsModule,
  AgencySubsidiesJobsModule,
  InterviewsJobsModule,
  CallsJobsModule,
];
export { redisConnection } from './infra/queue/queue.module';
export { RealtimeEmitterModule } from './infra/realtime/realtime.module';
export { Notifier } from './infra/realtime/notifier';

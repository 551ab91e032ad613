import { Injectable, Logger } from '@nestjs/common';
import { ExportFairFeedPayload, JobName } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { ReportsService } from '../reports.service';

/** Rebuilds each fair's outbound feed; running it twice only refreshes the same snapshots. */
@Injectable()
@HandlesJob(JobName.exportFairFeed)
export class ExportFairFeedJob implements JobHandler<
  ExportFairFeedPayload,
  { fairs: number; positions: number }
> {
  private readonly logger = new Logger(ExportFairFeedJob.name);

  constructor(private readonly reports: ReportsService) {}

  async handle(): Promise<{ fairs: number; positions: number }> {
    const result = await this.reports.exportFeeds();
    this.logger.log(result, 'exported fair feeds');
    return result;
  }
}

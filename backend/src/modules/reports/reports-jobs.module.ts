import { Module } from '@nestjs/common';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { FairsModule } from '../fairs/fairs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SettingsModule } from '../settings/settings.module';
import { ExportFairFeedJob } from './jobs/export-fair-feed.job';
import { ReportsService } from './reports.service';

/** The reports feature's job handlers; the worker process imports this module. */
@Module({
  imports: [SettingsModule, NotificationsModule, FairsModule],
  providers: [ReportsService, PiiCipher, ExportFairFeedJob],
})
export class ReportsJobsModule {}

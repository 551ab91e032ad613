import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PushTargetedPositionJob } from './jobs/push-targeted-position.job';
import { OutreachModule } from './outreach.module';

/** The outreach feature's job handlers; the worker process imports this module. */
@Module({ imports: [NotificationsModule, OutreachModule], providers: [PushTargetedPositionJob] })
export class OutreachJobsModule {}

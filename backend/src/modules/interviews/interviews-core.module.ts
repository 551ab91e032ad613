import { Module } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { NotificationsModule } from '../notifications/notifications.module';
import { InterviewLifecycle } from './interview-lifecycle.service';
import { InterviewTimers } from './interview-timers.service';
import { InterviewViews } from './interview-views.service';

/** What both the api and the worker need: the lifecycle, the delayed jobs and the read models. */
@Module({
  imports: [NotificationsModule],
  providers: [Clock, InterviewLifecycle, InterviewTimers, InterviewViews],
  exports: [Clock, InterviewLifecycle, InterviewTimers, InterviewViews],
})
export class InterviewsCoreModule {}

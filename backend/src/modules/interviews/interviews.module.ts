import { Module } from '@nestjs/common';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { EmployersModule } from '../employers/employers.module';
import { AssistedInterviewsController } from './assisted-interviews.controller';
import { AssistedInterviewsService } from './assisted-interviews.service';
import { InterviewBooking } from './interview-booking.service';
import { InterviewInvitationsController } from './interview-invitations.controller';
import { InterviewInvitationsService } from './interview-invitations.service';
import { InterviewPostponementService } from './interview-postponement.service';
import { InterviewScheduleService } from './interview-schedule.service';
import { InterviewSlotsController } from './interview-slots.controller';
import { InterviewSlotsService } from './interview-slots.service';
import { InterviewsController } from './interviews.controller';
import { InterviewsCoreModule } from './interviews-core.module';

/**
 * Interview invitations and scheduling (issue 6 items 1 and 5). The call itself (rooms,
 * signalling, minutes) is another feature; it uses InterviewLifecycle, exported here.
 */
@Module({
  imports: [InterviewsCoreModule, EmployersModule],
  controllers: [
    InterviewSlotsController,
    InterviewInvitationsController,
    InterviewsController,
    AssistedInterviewsController,
  ],
  providers: [
    PiiCipher,
    InterviewBooking,
    InterviewSlotsService,
    InterviewInvitationsService,
    InterviewScheduleService,
    InterviewPostponementService,
    AssistedInterviewsService,
  ],
  exports: [InterviewsCoreModule],
})
export class InterviewsModule {}

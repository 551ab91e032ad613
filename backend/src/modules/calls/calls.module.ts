import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { EmployersModule } from '../employers/employers.module';
import { FairsModule } from '../fairs/fairs.module';
import { InterviewsCoreModule } from '../interviews/interviews-core.module';
import { CallMinutesService } from './call-minutes.service';
import { CallSignallingGateway } from './call-signalling.gateway';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { WaitingRoomPublisher } from './waiting-room.publisher';
import { WaitingRoomSweepScheduler } from './waiting-room-sweep.scheduler';
import { WaitingRoomService } from './waiting-room.service';
import { WaitingRoomStore } from './waiting-room.store';
import { WaitingRoomsController } from './waiting-rooms.controller';

/** Live video interviews: calls and their signalling, minutes, fair waiting rooms (issue 6). */
@Module({
  imports: [ApplicationsModule, EmployersModule, FairsModule, InterviewsCoreModule],
  controllers: [CallsController, WaitingRoomsController],
  providers: [
    CallsService,
    CallMinutesService,
    WaitingRoomStore,
    WaitingRoomPublisher,
    WaitingRoomService,
    WaitingRoomSweepScheduler,
    CallSignallingGateway,
  ],
  exports: [CallsService, CallMinutesService],
})
export class CallsModule {}

import { Module } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { SweepWaitingRoomsJob } from './jobs/sweep-waiting-rooms.job';
import { WaitingRoomPublisher } from './waiting-room.publisher';
import { WaitingRoomStore } from './waiting-room.store';
import { WaitingRoomSweeper } from './waiting-room.sweeper';

/** The waiting rooms' job handlers; the worker process imports this module (no Socket.IO server). */
@Module({
  providers: [Clock, WaitingRoomStore, WaitingRoomPublisher, WaitingRoomSweeper, SweepWaitingRoomsJob],
})
export class CallsJobsModule {}

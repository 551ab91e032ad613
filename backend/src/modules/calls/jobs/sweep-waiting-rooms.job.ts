import { Injectable, Logger } from '@nestjs/common';
import { JobName, SweepWaitingRoomsPayload } from '@platform/contracts';
import { Clock } from '../../../common/clock';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { SweepResult, WaitingRoomSweeper } from '../waiting-room.sweeper';

/** Expires lapsed waiting-room places and call-ins; running it twice changes nothing more. */
@Injectable()
@HandlesJob(JobName.sweepWaitingRooms)
export class SweepWaitingRoomsJob implements JobHandler<SweepWaitingRoomsPayload, SweepResult> {
  private readonly logger = new Logger(SweepWaitingRoomsJob.name);

  constructor(
    private readonly sweeper: WaitingRoomSweeper,
    private readonly clock: Clock,
  ) {}

  async handle(payload: SweepWaitingRoomsPayload): Promise<SweepResult> {
    const result = await this.sweeper.sweep(this.clock.now().getTime(), payload.batchSize);
    if (result.booths) this.logger.log(result, 'waiting rooms swept');
    return result;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { boothRoom, estimateWaitSeconds, QueuePosition, userRoom } from '@platform/contracts';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Notifier } from '../../infra/realtime/notifier';
import { Booth, WaitingRoomStore } from './waiting-room.store';

/**
 * Tells a booth's line where everyone stands. Through the Notifier, so the api (its Socket.IO
 * server) and the worker's sweeper (the stream emitter) send the very same messages.
 */
@Injectable()
export class WaitingRoomPublisher {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: WaitingRoomStore,
    private readonly notifier: Notifier,
  ) {}

  /** Everyone in line learns their new place; interviewers and organizers see the board move. */
  async publish(booth: Booth): Promise<void> {
    const members = await this.store.members(booth);
    const average = await this.store.averageCallSeconds(booth, this.config.QUEUE_DEFAULT_CALL_SECONDS);
    members.forEach((m, i) =>
      this.notifier.emitTo(
        [userRoom(m.userId)],
        'queue:position',
        this.toPosition(booth, i + 1, members.length, average, m.away),
      ),
    );
    this.board(booth, members.length);
  }

  /**
   * Only the booth's board: for changes that move nobody's place (someone's connection dropped or
   * came back). Telling the whole line would cost a message per member per blink, and a wave of
   * disconnects in a long line would grow with the square of its length.
   */
  async publishBoard(booth: Booth): Promise<void> {
    this.board(booth, await this.store.size(booth));
  }

  private board(booth: Booth, size: number): void {
    this.notifier.emitTo([boothRoom(booth.fairId, booth.employerId)], 'queue:board', { ...booth, size });
  }

  toPosition(
    booth: Booth,
    position: number | null,
    size: number,
    average: number,
    away: number | null,
  ): QueuePosition {
    return {
      ...booth,
      position,
      size,
      estimatedWaitSeconds: position === null ? null : estimateWaitSeconds(position, average),
      away: away !== null,
      graceUntil:
        away === null ? null : new Date(away + this.config.QUEUE_GRACE_SECONDS * 1000).toISOString(),
      callIn: null,
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { boothRoom, estimateWaitSeconds, QueuePosition, queueRoom } from '@platform/contracts';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Notifier } from '../../infra/realtime/notifier';
import { Booth, LineChange, WaitingRoomStore } from './waiting-room.store';

/**
 * Tells a booth's line that it moved: ONE `queue:move` broadcast to everyone in it (the line's
 * new version, the tickets that left, size and average call length), from which each client
 * works out its own place; not a message per member, which at 10,000 people in line is 10,000
 * messages a move. Through the Notifier, so the api (its Socket.IO server) and the worker's
 * sweeper (the stream emitter) send the very same messages.
 */
@Injectable()
export class WaitingRoomPublisher {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: WaitingRoomStore,
    private readonly notifier: Notifier,
  ) {}

  /** One change of the line (every version is published once); interviewers see the board move. */
  async publish(booth: Booth, change: LineChange): Promise<void> {
    const averageCallSeconds = await this.store.averageCallSeconds(
      booth,
      this.config.QUEUE_DEFAULT_CALL_SECONDS,
    );
    this.notifier.emitTo([queueRoom(booth.fairId, booth.employerId)], 'queue:move', {
      fairId: booth.fairId,
      employerId: booth.employerId,
      version: change.version,
      removed: change.removed,
      size: change.size,
      averageCallSeconds,
    });
    this.board(booth, change.size);
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
    place: {
      position: number | null;
      ticket: number | null;
      version: number;
      size: number;
      away: number | null;
    },
    average: number,
  ): QueuePosition {
    const { position, away } = place;
    return {
      ...booth,
      position,
      size: place.size,
      estimatedWaitSeconds: position === null ? null : estimateWaitSeconds(position, average),
      away: away !== null,
      graceUntil:
        away === null ? null : new Date(away + this.config.QUEUE_GRACE_SECONDS * 1000).toISOString(),
      callIn: null,
      ticket: position === null ? null : place.ticket,
      version: place.version,
    };
  }
}

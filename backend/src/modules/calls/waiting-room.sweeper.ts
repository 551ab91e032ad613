import { Inject, Injectable } from '@nestjs/common';
import { callRoom } from '@platform/contracts';
import { and, eq, notExists } from 'drizzle-orm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { callPresence, calls } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { Notifier } from '../../infra/realtime/notifier';
import { WaitingRoomPublisher } from './waiting-room.publisher';
import { boothId, WaitingRoomStore } from './waiting-room.store';

export interface SweepResult {
  /** People taken out of line because their reconnect grace ran out. */
  expiredPlaces: number;
  /** Call-ins nobody took in time (their calls are now missed). */
  expiredCallIns: number;
  /** Booths whose line was told its new places. */
  booths: number;
}

/**
 * Expires what the waiting rooms otherwise expire only when someone reads them: places kept for
 * a dropped connection past the grace, and call-ins past their window. The lines they touched
 * hear the move at once, so everyone's place and estimated wait move without anyone polling.
 */
@Injectable()
export class WaitingRoomSweeper {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: WaitingRoomStore,
    private readonly publisher: WaitingRoomPublisher,
    private readonly notifier: Notifier,
  ) {}

  async sweep(now: number, batchSize: number): Promise<SweepResult> {
    const lapsed = await this.store.expireAway(now, this.config.QUEUE_GRACE_SECONDS * 1000, batchSize);
    const callIns = await this.store.expireCallIns(now, batchSize);
    for (const callIn of callIns) await this.missUnanswered(callIn.callId, new Date(now));
    // Each place taken is a change of its line (one broadcast each, in version order); an expired
    // call-in moves nobody (that person left the line when called): only the board hears it.
    for (const change of lapsed) await this.publisher.publish(change, change);
    const lines = new Set(lapsed.map(boothId));
    const boards = new Map(callIns.filter((c) => !lines.has(boothId(c))).map((c) => [boothId(c), c]));
    for (const booth of boards.values()) await this.publisher.publishBoard(booth);
    return {
      expiredPlaces: lapsed.length,
      expiredCallIns: callIns.length,
      booths: lines.size + boards.size,
    };
  }

  /** The seeker never entered: the call is missed, and the interviewer's page says so. */
  private async missUnanswered(callId: string, at: Date): Promise<void> {
    const missed = await this.db
      .update(calls)
      .set({ status: 'missed', updatedAt: at })
      .where(
        and(
          eq(calls.id, callId),
          eq(calls.status, 'lobby'),
          notExists(
            this.db
              .select({ id: callPresence.id })
              .from(callPresence)
              .where(and(eq(callPresence.callId, calls.id), eq(callPresence.userId, calls.guestUserId))),
          ),
        ),
      )
      .returning({ id: calls.id });
    if (missed.length) this.notifier.emitTo([callRoom(callId)], 'call:status', { callId, status: 'missed' });
  }
}

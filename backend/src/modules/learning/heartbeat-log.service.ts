import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { learningHeartbeats } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

export type HeartbeatRow = typeof learningHeartbeats.$inferInsert;

const FLUSH_AFTER_MS = 50;
const FLUSH_AT_ROWS = 500;

/**
 * The raw heartbeats, written in batches: the session row is updated on every beat (that is what
 * gets credited), while the evidence trail is appended many beats per INSERT so a beat stays one
 * round trip. A process stopping gracefully flushes what it holds.
 */
@Injectable()
export class HeartbeatLogService implements OnModuleDestroy {
  private readonly logger = new Logger(HeartbeatLogService.name);
  private pending: HeartbeatRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  add(row: HeartbeatRow): void {
    this.pending.push(row);
    if (this.pending.length >= FLUSH_AT_ROWS) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
  }

  /** Writes everything received so far; resolves once it is in PostgreSQL. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.pending;
    this.pending = [];
    const previous = this.inFlight;
    this.inFlight = (async () => {
      await previous;
      if (!rows.length) return;
      try {
        // A replay of a replay repeats (session, seq, verdict): once is enough evidence.
        await this.db.insert(learningHeartbeats).values(rows).onConflictDoNothing();
      } catch (error) {
        this.logger.error({ err: error, rows: rows.length }, 'could not store raw heartbeats');
      }
    })();
    return this.inFlight;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { learningSessions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { CompletionRequests } from '../training/completion/completion-requests.service';
import { SessionFactsService } from './session-facts.service';

export type EndReason = 'closed_by_player' | 'heartbeat_timeout';
type SessionRow = typeof learningSessions.$inferSelect;

/**
 * Every way a learning session ends goes through `close`: the player's close, a heartbeat that
 * arrives after the timeout, and the sweep. A session never ends before it started.
 */
@Injectable()
export class SessionCloser {
  private readonly logger = new Logger(SessionCloser.name);

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly facts: SessionFactsService,
    private readonly completion: CompletionRequests,
  ) {}

  /** Closes an open session at `endedAt` (never before its start); null when it was already closed. */
  async close(sessionId: string, endedAt: Date, reason: EndReason): Promise<SessionRow | null> {
    const [row] = await this.db
      .update(learningSessions)
      .set({
        status: 'closed',
        endReason: reason,
        endedAt: sql`greatest(${learningSessions.startedAt}, ${endedAt.toISOString()}::timestamptz)`,
        nextCheckAt: null,
      })
      .where(and(eq(learningSessions.id, sessionId), eq(learningSessions.status, 'open')))
      .returning();
    if (!row) return null;
    await this.closed(row);
    return row;
  }

  /** Open sessions whose last heartbeat is older than their policy's timeout: closed at that heartbeat. */
  async closeStale(now: Date, batchSize: number): Promise<number> {
    const versions = await this.db
      .selectDistinct({ version: learningSessions.policyVersion })
      .from(learningSessions)
      .where(eq(learningSessions.status, 'open'));
    let closed = 0;
    for (const { version } of versions) {
      const { sessionTimeoutSeconds } = await this.facts.policy(version);
      const cutoff = new Date(now.getTime() - sessionTimeoutSeconds * 1000);
      const stale = await this.db
        .select({ id: learningSessions.id, lastHeartbeatAt: learningSessions.lastHeartbeatAt })
        .from(learningSessions)
        .where(
          and(
            eq(learningSessions.status, 'open'),
            version === null
              ? sql`${learningSessions.policyVersion} is null`
              : eq(learningSessions.policyVersion, version),
            lt(learningSessions.lastHeartbeatAt, cutoff),
          ),
        )
        .orderBy(asc(learningSessions.lastHeartbeatAt))
        .limit(batchSize);
      for (const s of stale) if (await this.close(s.id, s.lastHeartbeatAt, 'heartbeat_timeout')) closed++;
    }
    return closed;
  }

  /** A closed session may complete the training: the jobs decide (§4.1), once per session. */
  private async closed(session: SessionRow): Promise<void> {
    this.logger.debug({ sessionId: session.id, endReason: session.endReason }, 'learning session closed');
    await this.completion.requestEvaluation(session.enrolmentId, `session-closed:${session.id}`);
  }
}

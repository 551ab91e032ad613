import { Inject, Injectable } from '@nestjs/common';
import { HEARTBEAT_CLOCK_SKEW_SECONDS, HeartbeatAck, HeartbeatInput } from '@platform/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { DATABASE, Database } from '../../infra/database/database';
import { HeartbeatPool } from './heartbeat-pool';
import { HeartbeatLogService } from './heartbeat-log.service';
import { LearningChecksService } from './learning-checks.service';
import { SessionCloser } from './session-closer.service';
import { SessionFacts, SessionFactsService } from './session-facts.service';

/**
 * Accepts a beat in one statement: the guard (open, newer seq, not timed out) and the write
 * (seq, last heartbeat, idle stretch since the previous beat when hidden, or since the last
 * interaction when that is older than the idle timeout) cannot be split by a racing beat.
 */
const ACCEPT_BEAT = `
  update learning_sessions set
    last_seq = $2,
    last_heartbeat_at = $3,
    idle = learning_idle_append(idle, least(case when not $4::boolean then last_heartbeat_at end, $5::timestamptz), $3)
  where id = $1 and status = 'open' and last_seq < $2
    and last_heartbeat_at >= $3::timestamptz - make_interval(secs => $6)
  returning next_check_at`;

type Verdict = 'accepted' | 'out_of_order' | 'duplicate' | 'future' | 'other_device' | 'closed';

/**
 * Turns heartbeats into a session by the server's clock. An accepted beat is one UPDATE: it
 * advances the session and appends idle time in the same statement; the raw beat is logged in a
 * batch. Rejected beats are logged with their verdict and credit nothing.
 */
@Injectable()
export class HeartbeatService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly pool: HeartbeatPool,
    private readonly clock: Clock,
    private readonly facts: SessionFactsService,
    private readonly log: HeartbeatLogService,
    private readonly checks: LearningChecksService,
    private readonly closer: SessionCloser,
  ) {}

  async beat(actor: Actor, sessionId: string, input: HeartbeatInput): Promise<HeartbeatAck> {
    const now = this.clock.now();
    const facts = await this.facts.ownedBy(actor, sessionId);
    if (input.deviceId !== facts.deviceId)
      this.reject(
        facts,
        input,
        now,
        'other_device',
        'HEARTBEAT_REPLAYED',
        'This session runs on another device.',
      );
    if (Date.parse(input.clientSentAt) > now.getTime() + HEARTBEAT_CLOCK_SKEW_SECONDS * 1000)
      this.reject(
        facts,
        input,
        now,
        'future',
        'HEARTBEAT_FROM_FUTURE',
        'The heartbeat is stamped in the future.',
      );

    const idleFrom = this.staleInteractionSince(facts, input, now);
    const timeout = facts.policy.sessionTimeoutSeconds;
    const nowIso = now.toISOString();
    const result = await this.pool.query<{ next_check_at: Date | null }>({
      // Named, so PostgreSQL parses and plans the hottest statement once per connection.
      name: 'learning-heartbeat',
      text: ACCEPT_BEAT,
      values: [sessionId, input.seq, now, input.visible, idleFrom, timeout],
    });
    const row = result.rows[0];
    if (!row) return this.refused(facts, input, now);

    this.log.add(raw(facts, input, now, 'accepted'));
    const checkDue = row.next_check_at !== null && row.next_check_at <= now;
    return {
      seq: input.seq,
      receivedAt: nowIso,
      idle: !input.visible || idleFrom !== null,
      check: checkDue ? await this.checks.due(facts, now) : null,
    };
  }

  /**
   * When the last interaction is older than the idle timeout, everything since it is idle (not
   * only the part beyond the timeout): no input for that long means nobody was there.
   */
  private staleInteractionSince(facts: SessionFacts, input: HeartbeatInput, now: Date): Date | null {
    // The client's clock may be off: only its "seconds since the last interaction" is used.
    const last = input.lastInteractionAt
      ? now.getTime() - Math.max(0, Date.parse(input.clientSentAt) - Date.parse(input.lastInteractionAt))
      : facts.startedAt.getTime();
    const since = Math.max(Math.min(last, now.getTime()), facts.startedAt.getTime());
    return now.getTime() - since > facts.policy.idleTimeoutSeconds * 1000 ? new Date(since) : null;
  }

  /** Why the UPDATE matched nothing: closed, timed out (closed now, at its last beat), replayed or late. */
  private async refused(facts: SessionFacts, input: HeartbeatInput, now: Date): Promise<never> {
    const { rows } = await this.db.execute<{
      status: string;
      last_seq: number;
      last_heartbeat_at: string;
      end_reason: string | null;
    }>(
      sql`select status, last_seq, last_heartbeat_at, end_reason from learning_sessions where id = ${facts.id}`,
    );
    const s = rows[0]!;
    const lastBeat = new Date(s.last_heartbeat_at);
    if (
      s.status === 'open' &&
      now.getTime() - lastBeat.getTime() > facts.policy.sessionTimeoutSeconds * 1000
    ) {
      await this.closer.close(facts.id, lastBeat, 'heartbeat_timeout');
      this.reject(
        facts,
        input,
        now,
        'closed',
        'SESSION_CLOSED',
        'The session timed out; start a new one.',
        'heartbeat_timeout',
      );
    }
    if (s.status !== 'open')
      this.reject(facts, input, now, 'closed', 'SESSION_CLOSED', 'The session has ended.', s.end_reason);
    if (input.seq === s.last_seq)
      this.reject(
        facts,
        input,
        now,
        'duplicate',
        'HEARTBEAT_REPLAYED',
        'This heartbeat was already received.',
      );
    return this.reject(
      facts,
      input,
      now,
      'out_of_order',
      'HEARTBEAT_OUT_OF_ORDER',
      'An older heartbeat arrived late.',
    );
  }

  private reject(
    facts: SessionFacts,
    input: HeartbeatInput,
    now: Date,
    verdict: Exclude<Verdict, 'accepted'>,
    code: 'HEARTBEAT_REPLAYED' | 'HEARTBEAT_FROM_FUTURE' | 'HEARTBEAT_OUT_OF_ORDER' | 'SESSION_CLOSED',
    message: string,
    endReason: string | null = null,
  ): never {
    this.log.add(raw(facts, input, now, verdict));
    throw new AppError(code, `${message} 该心跳未计入学时。`, {
      seq: input.seq,
      verdict,
      ...(endReason ? { endReason } : {}),
    });
  }
}

function raw(facts: SessionFacts, input: HeartbeatInput, now: Date, verdict: Verdict) {
  return {
    sessionId: facts.id,
    seq: input.seq,
    receivedAt: now,
    clientSentAt: new Date(input.clientSentAt),
    visible: input.visible,
    lastInteractionAt: input.lastInteractionAt ? new Date(input.lastInteractionAt) : null,
    positionSeconds: input.positionSeconds,
    verdict,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { REDIS } from '../../infra/redis/redis.module';

/**
 * Places in line live in Redis, never in an api process: any process can serve a seeker who
 * reconnects there, and a process that dies takes no place with it. Every change of a queue is
 * one Lua script, so two interviewers calling "next" at once never get the same person, and a
 * seeker can never hold more queues than the cap.
 */
const JOIN = `
if redis.call('EXISTS', KEYS[4]) == 0 then return {-1} end
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if rank then
  redis.call('HDEL', KEYS[5], ARGV[1])
  return {rank + 1, redis.call('ZSCORE', KEYS[1], ARGV[1]), tonumber(redis.call('GET', KEYS[6]) or '0'), redis.call('ZCARD', KEYS[1]), 0}
end
if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 0 and redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then return {-2} end
local ticket = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[1], ticket, ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
return {redis.call('ZRANK', KEYS[1], ARGV[1]) + 1, ticket, redis.call('INCR', KEYS[6]), redis.call('ZCARD', KEYS[1]), 1}`;

/** Out of line by the person's own choice: answers their ticket, the new version and size (or nothing). */
const LEAVE = `
local ticket = redis.call('ZSCORE', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[2])
if not ticket then return {} end
redis.call('ZREM', KEYS[1], ARGV[1])
return {ticket, redis.call('INCR', KEYS[4]), redis.call('ZCARD', KEYS[1])}`;

/**
 * Takes the first person present; people away within their grace keep their place, those past
 * it lose it. Reads the line a hundred at a time from the front (a call-next usually stops at
 * the first one). Answers: called person and ticket ('' and 0 if none), the line's version and
 * size after the change, then (person, ticket) of each place that expired on the way.
 */
const NEXT = `
local now = tonumber(ARGV[1])
local grace = tonumber(ARGV[2])
local out = {'', 0, 0, 0}
local kept = 0
local changed = false
local done = false
while not done do
  local chunk = redis.call('ZRANGE', KEYS[1], kept, kept + 99, 'WITHSCORES')
  if #chunk == 0 then break end
  for i = 1, #chunk, 2 do
    local m = chunk[i]
    local since = redis.call('HGET', KEYS[2], m)
    if since and (now - tonumber(since)) > grace then
      redis.call('ZREM', KEYS[1], m)
      redis.call('HDEL', KEYS[2], m)
      table.insert(out, m)
      table.insert(out, chunk[i + 1])
      changed = true
    elseif not since then
      redis.call('ZREM', KEYS[1], m)
      out[1] = m
      out[2] = chunk[i + 1]
      changed = true
      done = true
      break
    else
      kept = kept + 1
    end
  end
end
if changed then out[3] = redis.call('INCR', KEYS[3]) else out[3] = tonumber(redis.call('GET', KEYS[3]) or '0') end
out[4] = redis.call('ZCARD', KEYS[1])
return out`;

/**
 * Expires one away entry whose grace ran out (the index entry `KEYS[4]`/`ARGV[5]` said it was
 * due). Whatever the index says, the `away` hash decides: someone back since is left alone, and
 * someone away again since is re-indexed at their new time.
 */
const EXPIRE_AWAY = `
local since = redis.call('HGET', KEYS[2], ARGV[1])
if not since then
  redis.call('ZREM', KEYS[4], ARGV[5])
  return 0
end
if (tonumber(ARGV[3]) - tonumber(since)) > tonumber(ARGV[4]) then
  local ticket = redis.call('ZSCORE', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('SREM', KEYS[3], ARGV[2])
  redis.call('ZREM', KEYS[4], ARGV[5])
  if not ticket then return 0 end
  return {ticket, redis.call('INCR', KEYS[5]), redis.call('ZCARD', KEYS[1])}
end
redis.call('ZADD', KEYS[4], since, ARGV[5])
return 0`;

/** Clears one call-in whose window ran out; answers its call id ('' when it was not due). */
const EXPIRE_CALL_IN = `
local value = redis.call('HGET', KEYS[1], ARGV[1])
if not value then
  redis.call('ZREM', KEYS[2], ARGV[3])
  return ''
end
local sep = string.find(value, '|', 1, true)
local callId = string.sub(value, 1, sep - 1)
local expiresAt = tonumber(string.sub(value, sep + 1))
if expiresAt <= tonumber(ARGV[2]) then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[3])
  return callId
end
redis.call('ZADD', KEYS[2], expiresAt, ARGV[3])
return ''`;

export interface Booth {
  fairId: string;
  employerId: string;
}

/** A change of a line: its new version and size, and the tickets that left it. */
export interface LineChange {
  version: number;
  size: number;
  removed: number[];
}

export const boothId = (b: Booth) => `${b.fairId}:${b.employerId}`;
export const parseBoothId = (id: string): Booth => {
  const [fairId, employerId] = id.split(':');
  return { fairId, employerId };
};

@Injectable()
export class WaitingRoomStore {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.QUEUE_PREFIX}:wr`;
    this.redis.defineCommand('wrJoin', { numberOfKeys: 6, lua: JOIN });
    this.redis.defineCommand('wrLeave', { numberOfKeys: 4, lua: LEAVE });
    this.redis.defineCommand('wrNext', { numberOfKeys: 3, lua: NEXT });
    this.redis.defineCommand('wrExpireAway', { numberOfKeys: 5, lua: EXPIRE_AWAY });
    this.redis.defineCommand('wrExpireCallIn', { numberOfKeys: 2, lua: EXPIRE_CALL_IN });
  }

  /**
   * Due dates for the sweeper, across every booth: `<boothId>|<userId>` scored by the time the
   * person went away, and by the call-in's deadline. They only say where to look: the entries
   * themselves decide (a stale index entry is dropped when it comes due).
   */
  private awayIndexKey() {
    return `${this.prefix}:index:away`;
  }
  private callInIndexKey() {
    return `${this.prefix}:index:callins`;
  }

  private key(b: Booth, part: string) {
    return `${this.prefix}:${boothId(b)}:${part}`;
  }
  private userKey(userId: string) {
    return `${this.prefix}:user:${userId}`;
  }
  private boothsKey(fairId: string) {
    return `${this.prefix}:fair:${fairId}:booths`;
  }
  private callInKey(userId: string) {
    return `${this.prefix}:callins:${userId}`;
  }

  async setOpen(b: Booth, open: boolean): Promise<void> {
    if (open)
      await this.redis
        .multi()
        .set(this.key(b, 'open'), '1')
        .sadd(this.boothsKey(b.fairId), b.employerId)
        .exec();
    else
      await this.redis.multi().del(this.key(b, 'open')).srem(this.boothsKey(b.fairId), b.employerId).exec();
  }

  async isOpen(b: Booth): Promise<boolean> {
    return (await this.redis.exists(this.key(b, 'open'))) === 1;
  }

  async openBooths(fairId: string): Promise<string[]> {
    return this.redis.smembers(this.boothsKey(fairId));
  }

  /**
   * Takes a place (or keeps the one held: `changed` false). `position` is 1-based, or -1 (closed)
   * / -2 (cap reached); `ticket` orders the line and `version` counts its changes.
   */
  async join(
    b: Booth,
    userId: string,
    cap: number,
  ): Promise<{ position: number; ticket: number; version: number; size: number; changed: boolean }> {
    const run = (this.redis as unknown as { wrJoin: (...args: (string | number)[]) => Promise<number[]> })
      .wrJoin;
    const [position, ticket, version, size, changed] = await run.call(
      this.redis,
      this.key(b, 'q'),
      this.userKey(userId),
      `${this.prefix}:seq`,
      this.key(b, 'open'),
      this.key(b, 'away'),
      this.key(b, 'v'),
      userId,
      boothId(b),
      cap,
    );
    return {
      position,
      ticket: Number(ticket ?? 0),
      version: Number(version ?? 0),
      size: Number(size ?? 0),
      changed: changed === 1,
    };
  }

  /** Out of line; null when the person held no place there. */
  async leave(b: Booth, userId: string): Promise<LineChange | null> {
    const run = (this.redis as unknown as { wrLeave: (...args: (string | number)[]) => Promise<string[]> })
      .wrLeave;
    const out = await run.call(
      this.redis,
      this.key(b, 'q'),
      this.key(b, 'away'),
      this.userKey(userId),
      this.key(b, 'v'),
      userId,
      boothId(b),
    );
    if (!out.length) return null;
    return { removed: [Number(out[0])], version: Number(out[1]), size: Number(out[2]) };
  }

  /** The next present person, and those whose grace ran out on the way; `change` null if nothing moved. */
  async next(
    b: Booth,
    now: number,
    graceMs: number,
  ): Promise<{ userId: string | null; expired: string[]; change: LineChange | null }> {
    const run = (this.redis as unknown as { wrNext: (...args: (string | number)[]) => Promise<string[]> })
      .wrNext;
    const [userId, ticket, version, size, ...expiredPairs] = await run.call(
      this.redis,
      this.key(b, 'q'),
      this.key(b, 'away'),
      this.key(b, 'v'),
      now,
      graceMs,
    );
    const expired: string[] = [];
    const removed: number[] = userId ? [Number(ticket)] : [];
    for (let i = 0; i < expiredPairs.length; i += 2) {
      expired.push(expiredPairs[i]);
      removed.push(Number(expiredPairs[i + 1]));
    }
    const gone = userId ? [userId, ...expired] : expired;
    if (gone.length) await Promise.all(gone.map((u) => this.redis.srem(this.userKey(u), boothId(b))));
    return {
      userId: userId || null,
      expired,
      change: removed.length ? { removed, version: Number(version), size: Number(size) } : null,
    };
  }

  async markAway(userId: string, now: number): Promise<void> {
    const booths = await this.boothsOf(userId);
    if (!booths.length) return;
    const tx = this.redis.multi();
    for (const b of booths)
      tx.hset(this.key(b, 'away'), userId, String(now)).zadd(
        this.awayIndexKey(),
        now,
        `${boothId(b)}|${userId}`,
      );
    await tx.exec();
  }

  async markBack(b: Booth, userId: string): Promise<void> {
    await this.redis.hdel(this.key(b, 'away'), userId);
  }

  async awaySince(b: Booth, userId: string): Promise<number | null> {
    const since = await this.redis.hget(this.key(b, 'away'), userId);
    return since ? Number(since) : null;
  }

  async boothsOf(userId: string): Promise<Booth[]> {
    return (await this.redis.smembers(this.userKey(userId))).map(parseBoothId);
  }

  async members(b: Booth): Promise<{ userId: string; away: number | null }[]> {
    const [members, away] = await Promise.all([
      this.redis.zrange(this.key(b, 'q'), 0, -1),
      this.redis.hgetall(this.key(b, 'away')),
    ]);
    return members.map((userId) => ({ userId, away: away[userId] ? Number(away[userId]) : null }));
  }

  /** A person's place as one consistent reading (MULTI): rank, ticket, the line's version and size. */
  async place(
    b: Booth,
    userId: string,
  ): Promise<{
    position: number | null;
    ticket: number | null;
    version: number;
    size: number;
    away: number | null;
  }> {
    const replies = (await this.redis
      .multi()
      .zrank(this.key(b, 'q'), userId)
      .zscore(this.key(b, 'q'), userId)
      .zcard(this.key(b, 'q'))
      .get(this.key(b, 'v'))
      .hget(this.key(b, 'away'), userId)
      .exec()) as [Error | null, unknown][];
    const [rank, ticket, size, version, away] = replies.map(([error, value]) => {
      if (error) throw error;
      return value;
    }) as [number | null, string | null, number, string | null, string | null];
    return {
      position: rank === null ? null : rank + 1,
      ticket: ticket === null ? null : Number(ticket),
      version: Number(version ?? 0),
      size,
      away: away ? Number(away) : null,
    };
  }

  async version(b: Booth): Promise<number> {
    return Number((await this.redis.get(this.key(b, 'v'))) ?? 0);
  }

  async size(b: Booth): Promise<number> {
    return this.redis.zcard(this.key(b, 'q'));
  }

  /** A seeker's pending call-ins, one per booth, each with its deadline (checked on read). */
  async setCallIn(b: Booth, userId: string, callId: string, expiresAt: number): Promise<void> {
    await this.redis
      .multi()
      .hset(this.callInKey(userId), boothId(b), `${callId}|${expiresAt}`)
      .zadd(this.callInIndexKey(), expiresAt, `${boothId(b)}|${userId}`)
      .exec();
  }

  async clearCallIn(b: Booth, userId: string): Promise<void> {
    await this.redis
      .multi()
      .hdel(this.callInKey(userId), boothId(b))
      .zrem(this.callInIndexKey(), `${boothId(b)}|${userId}`)
      .exec();
  }

  /**
   * Takes out of line the people away longer than the grace (at most `limit` of them) and
   * answers each change of a line (one per place taken).
   */
  async expireAway(now: number, graceMs: number, limit: number): Promise<(Booth & LineChange)[]> {
    const due = await this.redis.zrangebyscore(
      this.awayIndexKey(),
      '-inf',
      `(${now - graceMs}`,
      'LIMIT',
      0,
      limit,
    );
    const run = (
      this.redis as unknown as { wrExpireAway: (...args: (string | number)[]) => Promise<0 | string[]> }
    ).wrExpireAway;
    const changes: (Booth & LineChange)[] = [];
    for (const member of due) {
      const [id, userId] = member.split('|');
      const b = parseBoothId(id);
      const keys = [
        this.key(b, 'q'),
        this.key(b, 'away'),
        this.userKey(userId),
        this.awayIndexKey(),
        this.key(b, 'v'),
      ];
      const out = await run.call(this.redis, ...keys, userId, id, now, graceMs, member);
      if (out !== 0)
        changes.push({ ...b, removed: [Number(out[0])], version: Number(out[1]), size: Number(out[2]) });
    }
    return changes;
  }

  /** Clears the call-ins whose window ran out (at most `limit`): booth, seeker and call of each. */
  async expireCallIns(now: number, limit: number): Promise<(Booth & { userId: string; callId: string })[]> {
    const due = await this.redis.zrangebyscore(this.callInIndexKey(), '-inf', now, 'LIMIT', 0, limit);
    const run = (
      this.redis as unknown as { wrExpireCallIn: (...args: (string | number)[]) => Promise<string> }
    ).wrExpireCallIn;
    const expired: (Booth & { userId: string; callId: string })[] = [];
    for (const member of due) {
      const [id, userId] = member.split('|');
      const callId = await run.call(
        this.redis,
        this.callInKey(userId),
        this.callInIndexKey(),
        id,
        now,
        member,
      );
      if (callId) expired.push({ ...parseBoothId(id), userId, callId });
    }
    return expired;
  }

  async pendingCallIns(
    userId: string,
    now: number,
  ): Promise<(Booth & { callId: string; expiresAt: number })[]> {
    const all = await this.redis.hgetall(this.callInKey(userId));
    return Object.entries(all)
      .map(([booth, value]) => {
        const [callId, expiresAt] = value.split('|');
        return { ...parseBoothId(booth), callId, expiresAt: Number(expiresAt) };
      })
      .filter((c) => c.expiresAt > now);
  }

  async averageCallSeconds(b: Booth, fallback: number): Promise<number> {
    const value = await this.redis.get(this.key(b, 'avg'));
    return value ? Number(value) : fallback;
  }

  /** A new average changes everyone's estimate: a change of the line too (nobody moves). */
  async setAverageCallSeconds(b: Booth, seconds: number): Promise<LineChange> {
    const [[, version], [, size]] = (await this.redis
      .multi()
      .incr(this.key(b, 'v'))
      .zcard(this.key(b, 'q'))
      .set(this.key(b, 'avg'), String(seconds))
      .exec()) as [[null, number], [null, number]];
    return { version, size, removed: [] };
  }
}

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
if redis.call('EXISTS', KEYS[4]) == 0 then return -1 end
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if rank then
  redis.call('HDEL', KEYS[5], ARGV[1])
  return rank + 1
end
if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 0 and redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then return -2 end
local ticket = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[1], ticket, ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
return redis.call('ZRANK', KEYS[1], ARGV[1]) + 1`;

/** Takes the first person present; people away within their grace keep their place, those past it lose it. */
const NEXT = `
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
local out = {''}
for _, m in ipairs(members) do
  local since = redis.call('HGET', KEYS[2], m)
  if since and (tonumber(ARGV[1]) - tonumber(since)) > tonumber(ARGV[2]) then
    redis.call('ZREM', KEYS[1], m)
    redis.call('HDEL', KEYS[2], m)
    table.insert(out, m)
  elseif not since then
    redis.call('ZREM', KEYS[1], m)
    out[1] = m
    return out
  end
end
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
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('SREM', KEYS[3], ARGV[2])
  redis.call('ZREM', KEYS[4], ARGV[5])
  return 1
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
    this.redis.defineCommand('wrJoin', { numberOfKeys: 5, lua: JOIN });
    this.redis.defineCommand('wrNext', { numberOfKeys: 2, lua: NEXT });
    this.redis.defineCommand('wrExpireAway', { numberOfKeys: 4, lua: EXPIRE_AWAY });
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

  /** 1-based position, or -1 (closed) / -2 (cap reached). */
  async join(b: Booth, userId: string, cap: number): Promise<number> {
    const run = (this.redis as unknown as { wrJoin: (...args: (string | number)[]) => Promise<number> })
      .wrJoin;
    return run.call(
      this.redis,
      this.key(b, 'q'),
      this.userKey(userId),
      `${this.prefix}:seq`,
      this.key(b, 'open'),
      this.key(b, 'away'),
      userId,
      boothId(b),
      cap,
    );
  }

  async leave(b: Booth, userId: string): Promise<boolean> {
    const [[, removed]] = (await this.redis
      .multi()
      .zrem(this.key(b, 'q'), userId)
      .hdel(this.key(b, 'away'), userId)
      .srem(this.userKey(userId), boothId(b))
      .exec()) as [[null, number]];
    return removed === 1;
  }

  /** The next present person, and those whose grace ran out on the way. */
  async next(b: Booth, now: number, graceMs: number): Promise<{ userId: string | null; expired: string[] }> {
    const run = (this.redis as unknown as { wrNext: (...args: (string | number)[]) => Promise<string[]> })
      .wrNext;
    const [userId, ...expired] = await run.call(
      this.redis,
      this.key(b, 'q'),
      this.key(b, 'away'),
      now,
      graceMs,
    );
    const gone = userId ? [userId, ...expired] : expired;
    if (gone.length) await Promise.all(gone.map((u) => this.redis.srem(this.userKey(u), boothId(b))));
    return { userId: userId || null, expired };
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

  async rank(b: Booth, userId: string): Promise<{ position: number | null; size: number }> {
    const [rank, size] = await Promise.all([
      this.redis.zrank(this.key(b, 'q'), userId),
      this.redis.zcard(this.key(b, 'q')),
    ]);
    return { position: rank === null ? null : rank + 1, size };
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
   * answers the booths whose line changed.
   */
  async expireAway(now: number, graceMs: number, limit: number): Promise<Booth[]> {
    const due = await this.redis.zrangebyscore(
      this.awayIndexKey(),
      '-inf',
      `(${now - graceMs}`,
      'LIMIT',
      0,
      limit,
    );
    const run = (this.redis as unknown as { wrExpireAway: (...args: (string | number)[]) => Promise<number> })
      .wrExpireAway;
    const changed = new Map<string, Booth>();
    for (const member of due) {
      const [id, userId] = member.split('|');
      const b = parseBoothId(id);
      const args = [this.key(b, 'q'), this.key(b, 'away'), this.userKey(userId), this.awayIndexKey()];
      if ((await run.call(this.redis, ...args, userId, id, now, graceMs, member)) === 1) changed.set(id, b);
    }
    return [...changed.values()];
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

  async setAverageCallSeconds(b: Booth, seconds: number): Promise<void> {
    await this.redis.set(this.key(b, 'avg'), String(seconds));
  }
}

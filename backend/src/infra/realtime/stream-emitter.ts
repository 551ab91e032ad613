import Redis, { RedisOptions } from 'ioredis';
import type { AppConfig } from '../../config/config';

/** Redis stream (and pub/sub channel prefix) shared by every api node and the worker's emitter. */
export const realtimeStream = (config: AppConfig) => `${config.QUEUE_PREFIX}-socket.io`;

/**
 * Options for every Redis client that carries live messages. While Redis is away ioredis keeps
 * commands in its offline queue and resends unanswered ones (a blocked XREAD, from the reader's
 * last id) once it is back. By default it fails queued commands after 20 reconnect attempts
 * (about 10 s), which would drop an XADD (a lost message) or, in the api, skip the XADD of a
 * broadcast; `maxRetriesPerRequest: null` lets them wait for Redis however long it takes.
 * Reconnect attempts are at most a second apart so delivery resumes promptly.
 */
export const realtimeRedisOptions: RedisOptions = {
  maxRetriesPerRequest: null,
  enableOfflineQueue: true,
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
};

/** socket.io-adapter's cluster message types and socket.io-parser's EVENT packet type. */
const BROADCAST = '3';
const EVENT_PACKET = 2;
/** Receivers treat this uid as "not a server" (socket.io-adapter's EMITTER_UID). */
const EMITTER_UID = 'emitter';

/**
 * Emits to rooms from a process without a Socket.IO server (the worker), through the same
 * Redis stream the api nodes read with `@socket.io/redis-streams-adapter` (there is no official
 * emitter for it). Each emit is one XADD of the entry the adapter itself writes for a broadcast:
 * fields uid, nsp, type ("3" = BROADCAST) and data (JSON of `{ packet, opts }`), which every
 * node decodes in `RedisStreamsAdapter.decode` and hands to its local sockets in stream order.
 * JSON only: binary payloads would need the adapter's msgpack+base64 branch, which we never send.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EventsMap<T> = { [K in keyof T]: (...args: any[]) => void };

export class StreamEmitter<Events extends EventsMap<Events>> {
  constructor(
    private readonly redis: Redis,
    private readonly opts: { streamName: string; maxLen: number; nsp?: string },
  ) {}

  to(rooms: string | string[]) {
    const list = Array.isArray(rooms) ? rooms : [rooms];
    return {
      emit: <E extends keyof Events & string>(event: E, ...args: Parameters<Events[E]>): Promise<string> =>
        this.broadcast(list, [event, ...args]),
    };
  }

  /** Resolves with the stream entry id once Redis has the message (after an outage too). */
  private async broadcast(rooms: string[], data: unknown[]): Promise<string> {
    const nsp = this.opts.nsp ?? '/';
    const message = JSON.stringify({
      packet: { type: EVENT_PACKET, data, nsp },
      opts: { rooms, except: [], flags: {} },
    });
    const id = await this.redis.xadd(
      this.opts.streamName,
      'MAXLEN',
      '~',
      this.opts.maxLen,
      '*',
      'uid',
      EMITTER_UID,
      'nsp',
      nsp,
      'type',
      BROADCAST,
      'data',
      message,
    );
    return id as string;
  }
}

import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { NotificationMessage, ServerToClientEvents, userRoom } from '@platform/contracts';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { RealtimeServer } from './realtime.server';
import { logOutages } from '../redis/redis-outages';
import { realtimeRedisOptions, realtimeStream, StreamEmitter } from './stream-emitter';

/**
 * Sends live messages to people. In the api it goes through this process's Socket.IO server;
 * in the worker (no server) through the stream emitter, which reaches the same rooms.
 */
@Injectable()
export class Notifier implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifier');
  private emitter?: StreamEmitter<ServerToClientEvents>;
  private emitterRedis?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly realtime?: RealtimeServer,
  ) {}

  toUser(userId: string, message: Omit<NotificationMessage, 'id' | 'at'>): NotificationMessage {
    const full: NotificationMessage = { id: randomUUID(), at: new Date().toISOString(), ...message };
    this.emitTo([userRoom(userId)], 'notification', full);
    return full;
  }

  /** Any typed event to any rooms (e.g. a subsidy run's progress to every organizer). */
  emitTo<E extends keyof ServerToClientEvents>(
    rooms: string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    const io = this.realtime?.server;
    if (io) io.to(rooms).emit(event, ...args);
    // Fire and forget, as with a server: the XADD waits out a Redis outage in the offline queue.
    else
      this.getEmitter()
        .to(rooms)
        .emit(event, ...args)
        .catch((error: Error) => this.logger.warn({ err: error.message, event }, 'live message not sent'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.emitterRedis?.quit().catch(() => this.emitterRedis?.disconnect());
  }

  private getEmitter(): StreamEmitter<ServerToClientEvents> {
    if (!this.emitter) {
      this.emitterRedis = new Redis(this.config.REDIS_URL, realtimeRedisOptions);
      logOutages(this.emitterRedis, this.logger, 'emitter');
      this.emitter = new StreamEmitter<ServerToClientEvents>(this.emitterRedis, {
        streamName: realtimeStream(this.config),
        maxLen: this.config.REALTIME_STREAM_MAX_LEN,
      });
    }
    return this.emitter;
  }
}

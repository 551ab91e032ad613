import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { NotificationMessage, ServerToClientEvents, userRoom } from '@platform/contracts';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { RealtimeServer, realtimeChannel } from './realtime.server';

/**
 * Sends live messages to people. In the api it goes through this process's Socket.IO server;
 * in the worker (no server) through the Redis emitter, which reaches the same rooms.
 */
@Injectable()
export class Notifier implements OnApplicationShutdown {
  private emitter?: Emitter<ServerToClientEvents>;
  private emitterRedis?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly realtime?: RealtimeServer,
  ) {}

  toUser(userId: string, message: Omit<NotificationMessage, 'id' | 'at'>): NotificationMessage {
    const full: NotificationMessage = { id: randomUUID(), at: new Date().toISOString(), ...message };
    const io = this.realtime?.server;
    if (io) io.to(userRoom(userId)).emit('notification', full);
    else this.getEmitter().to(userRoom(userId)).emit('notification', full);
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
    else
      this.getEmitter()
        .to(rooms)
        .emit(event, ...args);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.emitterRedis?.quit().catch(() => this.emitterRedis?.disconnect());
  }

  private getEmitter(): Emitter<ServerToClientEvents> {
    if (!this.emitter) {
      this.emitterRedis = new Redis(this.config.REDIS_URL);
      this.emitter = new Emitter<ServerToClientEvents>(this.emitterRedis, {
        key: realtimeChannel(this.config),
      });
    }
    return this.emitter;
  }
}

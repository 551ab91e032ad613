import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import {
  ClientToServerEvents,
  roleRoom,
  ServerToClientEvents,
  sessionRoom,
  SIGNAL_LIMITS,
  userRoom,
} from '@platform/contracts';
import type { Server as HttpServer } from 'node:http';
import Redis from 'ioredis';
import { Namespace, Server, Socket } from 'socket.io';
import { Adapter, BroadcastOptions, ClusterAdapter, ClusterMessage, MessageType } from 'socket.io-adapter';
import { AccessTokenService } from '../../common/auth/access-token.service';
import type { Actor } from '../../common/auth/actor';
import { SessionRevocations } from '../../common/auth/session-revocations.service';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { logOutages } from '../redis/redis-outages';
import { realtimeRedisOptions, realtimeStream } from './stream-emitter';

export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor: Actor; calls?: Set<string> }
>;
type SocketHandler = (socket: RealtimeSocket) => void;

export type RealtimeIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor: Actor; calls?: Set<string> }
>;

/**
 * The Socket.IO server of one api process. The Redis Streams adapter makes rooms span every api
 * process, so a message for `user:<id>` reaches that person wherever they are connected. Unlike
 * pub/sub, a stream keeps messages: each node reads it from the last entry it saw, so a Redis
 * restart (with AOF) delays live messages but loses none. The worker adds to the same stream
 * (StreamEmitter). Ephemeral cluster requests (fetchSockets, acks) still go over pub/sub.
 */
@Injectable()
export class RealtimeServer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private io?: RealtimeIo;
  private redis?: Redis;
  private readonly handlers: SocketHandler[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: AccessTokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  attach(httpServer: HttpServer): RealtimeIo {
    // The adapter duplicates this client (options included) for its stream reader and subscriber.
    this.redis = new Redis(this.config.REDIS_URL, realtimeRedisOptions);
    logOutages(this.redis, this.logger, 'realtime');
    const io: RealtimeIo = new Server(httpServer, {
      path: '/socket.io',
      serveClient: false,
      cors: { origin: false },
      // Above this Socket.IO drops the connection; signalling schemas refuse far below it, with an ack.
      maxHttpBufferSize: SIGNAL_LIMITS.frameBytes,
    });
    const streams = createAdapter(this.redis, {
      streamName: realtimeStream(this.config),
      channelPrefix: realtimeStream(this.config),
      maxLen: this.config.REALTIME_STREAM_MAX_LEN,
      // Our payloads are JSON: skip the adapter's binary scan of every broadcast.
      onlyPlaintext: true,
    }) as unknown as (nsp: Namespace) => ClusterAdapter;
    // Socket.IO `new`s this: a function (not an arrow) that returns the adapter it made.
    io.adapter(function (nsp: Namespace) {
      return deliverLocallyFirst(streams(nsp));
    } as unknown as typeof Adapter);
    io.use((socket, next) =>
      this.authenticate(socket).then(
        () => next(),
        (error: AppError) => next(handshakeError(error)),
      ),
    );
    io.on('connection', (socket) => this.onConnection(socket));
    this.io = io;
    return io;
  }

  /** Feature modules add their socket events here (at module init, before any connection). */
  onSocket(handler: SocketHandler): void {
    this.handlers.push(handler);
  }

  get server(): RealtimeIo | undefined {
    return this.io;
  }

  /** Ends every socket of a signed-out session, on every api process. */
  async endSession(sessionId: string): Promise<void> {
    if (!this.io) return;
    this.io.to(sessionRoom(sessionId)).emit('session:ended', { reason: 'logout' });
    this.io.in(sessionRoom(sessionId)).disconnectSockets(true);
  }

  /**
   * Before HTTP drains: end this process's sockets (only local ones: a plain disconnectSockets
   * would travel through Redis and end everyone's on every node) so clients reconnect elsewhere.
   */
  beforeApplicationShutdown(): void {
    if (!this.io) return;
    this.io.local.disconnectSockets(true);
    this.io.engine.close();
  }

  async onApplicationShutdown(): Promise<void> {
    // Closing the adapters stops their subscriber and, after its current blocking XREAD, the
    // stream reader; the HTTP server itself is Nest's to close.
    await Promise.all([...(this.io?._nsps.values() ?? [])].map((nsp) => nsp.adapter.close()));
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }

  private async authenticate(socket: RealtimeSocket): Promise<void> {
    const token = socket.handshake.auth?.token;
    if (typeof token !== 'string' || !token)
      throw new AppError('AUTH_UNAUTHENTICATED', 'Sign in first. 请先登录。');
    const actor = this.tokens.verify(token);
    if (this.revocations.isRevoked(actor.sessionId))
      throw new AppError('AUTH_SESSION_REVOKED', 'Signed out. 已退出登录。');
    socket.data.actor = actor;
  }

  private onConnection(socket: RealtimeSocket): void {
    const { actor } = socket.data;
    void socket.join([userRoom(actor.userId), sessionRoom(actor.sessionId), ...actor.roles.map(roleRoom)]);
    socket.on('whoami', (ack) => {
      if (typeof ack === 'function') ack({ data: { userId: actor.userId, roles: actor.roles } });
    });
    for (const handler of this.handlers) handler(socket);
    this.logger.debug({ userId: actor.userId, socketId: socket.id }, 'socket connected');
  }
}

/**
 * The cluster adapter delivers a broadcast to this process's own sockets only after Redis has
 * answered the XADD that carries it to the other processes: every relayed WebRTC signal and
 * every line move waited a Redis round trip (and, on a busy Redis, its queue) even when both
 * people are connected here. Here the local sockets get it at once and the XADD follows
 * (without being awaited; failures are the adapter's to log, as before). Order is kept on each
 * path: local writes are synchronous and one connection's XADDs are applied in order. The
 * upstream order only matters for connection-state recovery (the stream offset is stamped on
 * the packet), which this server does not use; with it on, the adapter's own broadcast runs.
 */
export function deliverLocallyFirst(adapter: ClusterAdapter): ClusterAdapter {
  const cluster = adapter as unknown as {
    publish(message: Omit<ClusterMessage, 'nsp' | 'uid'>): void;
    nsp: { server: { opts: { connectionStateRecovery?: unknown } } };
  };
  adapter.broadcast = async (packet: unknown, opts: BroadcastOptions) => {
    if (opts.flags?.local || cluster.nsp.server.opts.connectionStateRecovery)
      return ClusterAdapter.prototype.broadcast.call(adapter, packet, opts);
    Adapter.prototype.broadcast.call(adapter, packet, opts);
    cluster.publish({
      type: MessageType.BROADCAST,
      data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } },
    } as Omit<ClusterMessage, 'nsp' | 'uid'>);
  };
  return adapter;
}

/** The client sees the same stable code in `connect_error.data` as an HTTP caller would. */
function handshakeError(error: AppError | Error): Error & { data?: unknown } {
  const out: Error & { data?: unknown } = new Error(error.message);
  out.data = { code: error instanceof AppError ? error.code : 'INTERNAL_ERROR' };
  return out;
}

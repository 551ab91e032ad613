import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
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
import { Server, Socket } from 'socket.io';
import { AccessTokenService } from '../../common/auth/access-token.service';
import type { Actor } from '../../common/auth/actor';
import { SessionRevocations } from '../../common/auth/session-revocations.service';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';

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

/** Socket.IO channel prefix shared with the worker's emitter; both must use the same one. */
export const realtimeChannel = (config: AppConfig) => `${config.QUEUE_PREFIX}-socket.io`;

/**
 * The Socket.IO server of one api process. The Redis adapter makes rooms span every api
 * process, so a message for `user:<id>` reaches that person wherever they are connected.
 */
@Injectable()
export class RealtimeServer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private io?: RealtimeIo;
  private pubSub: Redis[] = [];
  private readonly handlers: SocketHandler[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: AccessTokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  attach(httpServer: HttpServer): RealtimeIo {
    const pub = new Redis(this.config.REDIS_URL);
    const sub = pub.duplicate();
    this.pubSub = [pub, sub];
    const io: RealtimeIo = new Server(httpServer, {
      path: '/socket.io',
      serveClient: false,
      cors: { origin: false },
      // Above this Socket.IO drops the connection; signalling schemas refuse far below it, with an ack.
      maxHttpBufferSize: SIGNAL_LIMITS.frameBytes,
    });
    io.adapter(createAdapter(pub, sub, { key: realtimeChannel(this.config) }));
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
    await Promise.all(this.pubSub.map((client) => client.quit().catch(() => client.disconnect())));
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

/** The client sees the same stable code in `connect_error.data` as an HTTP caller would. */
function handshakeError(error: AppError | Error): Error & { data?: unknown } {
  const out: Error & { data?: unknown } = new Error(error.message);
  out.data = { code: error instanceof AppError ? error.code : 'INTERNAL_ERROR' };
  return out;
}

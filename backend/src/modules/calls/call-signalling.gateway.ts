import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  Ack,
  BoothRefSchema,
  boothRoom,
  CallRefSchema,
  callRoom,
  ClientSignalSchema,
  MediaStateSchema,
  queueRoom,
  signalRefusal,
} from '@platform/contracts';
import { z } from 'zod';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { RealtimeServer, RealtimeSocket } from '../../infra/realtime/realtime.server';
import { EmployersService } from '../employers/employers.service';
import { CallsService } from './calls.service';
import { WaitingRoomService } from './waiting-room.service';

/**
 * The live channel of interviews: WebRTC signalling relayed between the two people of a call
 * (on whichever api processes they are), presence, and the waiting-room subscriptions. Every
 * refusal goes back over the acknowledgement with a stable code; nothing a client sends can
 * throw out of a handler.
 */
@Injectable()
export class CallSignallingGateway implements OnModuleInit {
  private readonly logger = new Logger('CallSignalling');

  constructor(
    private readonly realtime: RealtimeServer,
    private readonly calls: CallsService,
    private readonly waitingRoom: WaitingRoomService,
    private readonly employers: EmployersService,
  ) {}

  onModuleInit(): void {
    this.realtime.onSocket((socket) => this.bind(socket));
  }

  private bind(socket: RealtimeSocket): void {
    // The calls this socket joined: made on the first join (most sockets, a waiting room's, never join one).
    socket.on('call:join', (payload, ack) => this.respond(ack, () => this.join(socket, payload)));
    socket.on('call:signal', (payload, ack) => this.respond(ack, () => this.signal(socket, payload)));
    socket.on('call:media', (payload, ack) => this.respond(ack, () => this.media(socket, payload)));
    socket.on('call:leave', (payload, ack) => this.respond(ack, () => this.leave(socket, payload)));
    socket.on('queue:watch', (ack) => this.respond(ack, () => this.watchQueues(socket)));
    socket.on('queue:board', (payload, ack) => this.respond(ack, () => this.watchBoard(socket, payload)));
    socket.on('disconnect', () => void this.dropped(socket).catch((error) => this.logger.warn(error)));
  }

  private async join(socket: RealtimeSocket, payload: unknown) {
    const { callId } = parse(CallRefSchema, payload);
    const joined = await this.calls.join(socket.data.actor, callId);
    (socket.data.calls ??= new Set()).add(callId);
    await socket.join(callRoom(callId));
    const me = joined.peers.find((p) => p.userId === socket.data.actor.userId);
    if (me) socket.to(callRoom(callId)).emit('call:peer', me);
    return joined;
  }

  private async signal(socket: RealtimeSocket, payload: unknown) {
    const signal = parse(ClientSignalSchema, payload);
    await this.assertJoined(socket, signal.callId);
    socket.to(callRoom(signal.callId)).emit('call:signal', { ...signal, from: socket.data.actor.userId });
    return { relayed: true as const };
  }

  private async media(socket: RealtimeSocket, payload: unknown) {
    const state = parse(MediaStateSchema, payload);
    await this.assertJoined(socket, state.callId);
    await this.calls.setMedia(socket.data.actor.userId, state.callId, state.audio, state.video);
    const me = (await this.calls.presence(state.callId)).find((p) => p.userId === socket.data.actor.userId);
    if (me) socket.to(callRoom(state.callId)).emit('call:peer', me);
    return { relayed: true as const };
  }

  private async leave(socket: RealtimeSocket, payload: unknown) {
    const { callId } = parse(CallRefSchema, payload);
    await this.assertJoined(socket, callId);
    await this.departed(socket, callId);
    return { left: true as const };
  }

  /**
   * A seeker (re)attaches to her places: this socket follows each line's moves (joined before
   * the places are read, so no move falls between the reading and the following).
   */
  private async watchQueues(socket: RealtimeSocket) {
    const actor = socket.data.actor;
    const rooms = (await this.waitingRoom.boothsOf(actor.userId)).map((b) =>
      queueRoom(b.fairId, b.employerId),
    );
    if (rooms.length) await socket.join(rooms);
    const places = await this.waitingRoom.mine(actor, { back: true });
    const held = new Set(
      places.filter((p) => p.position !== null).map((p) => queueRoom(p.fairId, p.employerId)),
    );
    for (const room of rooms) if (!held.has(room)) await socket.leave(room);
    return places;
  }

  /** An interviewer follows their own booth; organizers any booth of a fair. */
  private async watchBoard(socket: RealtimeSocket, payload: unknown) {
    const booth = parse(BoothRefSchema, payload);
    const actor: Actor = socket.data.actor;
    if (!hasAnyRole(actor, STAFF_ROLES)) {
      const employer = await this.employers.ownedBy(actor.userId).catch(() => null);
      if (employer?.id !== booth.employerId)
        throw new AppError('FORBIDDEN_NOT_OWNER', 'Not your booth. 无权查看其他单位的展位。');
    }
    await socket.join(boothRoom(booth.fairId, booth.employerId));
    return {
      size:
        (await this.waitingRoom.openBooths(booth.fairId)).items.find((b) => b.employerId === booth.employerId)
          ?.size ?? 0,
    };
  }

  /** A room id alone proves nothing: only a participant who joined may speak in it. */
  private async assertJoined(socket: RealtimeSocket, callId: string): Promise<void> {
    if (socket.data.calls?.has(callId)) return;
    if (!(await this.calls.isParticipant(socket.data.actor.userId, callId)))
      throw new AppError(
        'CALL_NOT_PARTICIPANT',
        'You are not part of this interview. 您不是该面试的参与者。',
      );
    throw new AppError('CALL_NOT_JOINED', 'Join the call first. 请先进入面试。');
  }

  private async departed(socket: RealtimeSocket, callId: string): Promise<void> {
    socket.data.calls?.delete(callId);
    await socket.leave(callRoom(callId));
    const userId = socket.data.actor.userId;
    // The same person may already be back on another socket (a reconnect that beat the timeout).
    const others = await this.realtime.server!.in(callRoom(callId)).fetchSockets();
    if (others.some((s) => s.data.actor.userId === userId)) return;
    await this.calls.leave(userId, callId);
    const me = (await this.calls.presence(callId)).find((p) => p.userId === userId);
    if (me) socket.to(callRoom(callId)).emit('call:peer', me);
  }

  private async dropped(socket: RealtimeSocket): Promise<void> {
    for (const callId of [...(socket.data.calls ?? [])]) await this.departed(socket, callId);
    await this.waitingRoom.away(socket.data.actor.userId);
  }

  /** Runs a handler and answers over the ack; a client that sent no ack gets nothing, and nothing breaks. */
  private respond<T>(ack: unknown, run: () => Promise<T>): void {
    run().then(
      (data) => typeof ack === 'function' && (ack as Ack<T>)({ data }),
      (error: unknown) => {
        const known = error instanceof AppError;
        if (!known) this.logger.error(error);
        if (typeof ack === 'function')
          (ack as Ack<T>)({
            error: known
              ? { code: error.code, message: error.message }
              : { code: 'INTERNAL_ERROR', message: 'Something went wrong. 系统繁忙，请稍后再试。' },
          });
      },
    );
  }
}

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const code = signalRefusal(result.error.issues);
  throw new AppError(
    code,
    code === 'SIGNAL_PAYLOAD_TOO_LARGE'
      ? 'The message is too large. 消息过大。'
      : 'Malformed message. 消息格式不正确。',
    { issues: result.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), code: i.code })) },
  );
}

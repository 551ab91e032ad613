import { Global, Module } from '@nestjs/common';
import { Notifier } from './notifier';
import { RealtimeServer } from './realtime.server';

/** The api's live channel: the Socket.IO server (attached in bootstrap) and the notifier. */
@Global()
@Module({ providers: [RealtimeServer, Notifier], exports: [RealtimeServer, Notifier] })
export class RealtimeModule {}

/** The worker's live channel: only the notifier, which then speaks through the Redis emitter. */
@Global()
@Module({ providers: [Notifier], exports: [Notifier] })
export class RealtimeEmitterModule {}

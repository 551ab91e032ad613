import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { SessionRevocations } from './session-revocations.service';

/** Token verification shared by HTTP guards, Bull Board and (later) the socket handshake. */
@Global()
@Module({
  providers: [AccessTokenService, SessionRevocations, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokenService, SessionRevocations],
})
export class AuthCoreModule {}

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole, Role } from '@platform/contracts';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AppError } from '../errors/app-error';
import type { Actor } from './actor';

interface AccessClaims {
  sub: string;
  roles: Role[];
  sid: string;
}

/** Short-lived HS256 access tokens; the refresh side lives in the auth module. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse
      // it as a public key on every verify, which costs ~0.4 ms per request.
      secret: createSecretKey(Buffer.from(config.JWT_ACCESS_SECRET)) as unknown as string,
      signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, issuer: 'platform' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'platform' },
    });
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(actor: Actor): string {
    const claims: AccessClaims = { sub: actor.userId, roles: actor.roles, sid: actor.sessionId };
    return this.jwt.sign(claims);
  }

  verify(token: string): Actor {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token);
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') {
        throw new AppError('AUTH_TOKEN_EXPIRED', 'Your session has expired; please refresh or sign in again. 登录已过期。');
      }
      throw new AppError('AUTH_TOKEN_INVALID', 'The access token is not valid. 访问令牌无效。');
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !Array.isArray(claims.roles)) {
      throw new AppError('AUTH_TOKEN_INVALID', 'The access token is not valid. 访问令牌无效。');
    }
    return { userId: claims.sub, sessionId: claims.sid, roles: claims.roles.filter(isRole) };
  }
}

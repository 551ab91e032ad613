import { Inject, Injectable } from '@nestjs/common';
import { isRole } from '@platform/contracts';
import { createSecretKey, KeyObject } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AppError } from '../errors/app-error';
import type { Actor } from './actor';
import { JwtRejected, signHs256, verifyHs256 } from './hs256-jwt';

const ISSUER = 'platform';

/** Short-lived HS256 access tokens; the refresh side lives in the auth module. */
@Injectable()
export class AccessTokenService {
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.JWT_ACCESS_SECRET));
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(actor: Actor): string {
    const iat = Math.floor(Date.now() / 1000);
    return signHs256(
      {
        sub: actor.userId,
        roles: actor.roles,
        sid: actor.sessionId,
        iss: ISSUER,
        iat,
        exp: iat + this.ttlSeconds,
      },
      this.key,
    );
  }

  verify(token: string): Actor {
    let claims: Record<string, unknown>;
    try {
      claims = verifyHs256(token, this.key, ISSUER);
    } catch (error) {
      if (error instanceof JwtRejected && error.problem === 'EXPIRED') {
        throw new AppError(
          'AUTH_TOKEN_EXPIRED',
          'Your session has expired; please refresh or sign in again. 登录已过期。',
        );
      }
      throw new AppError('AUTH_TOKEN_INVALID', 'The access token is not valid. 访问令牌无效。');
    }
    const { sub, sid, roles } = claims;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !Array.isArray(roles)) {
      throw new AppError('AUTH_TOKEN_INVALID', 'The access token is not valid. 访问令牌无效。');
    }
    return { userId: sub, sessionId: sid, roles: roles.filter(isRole) };
  }
}

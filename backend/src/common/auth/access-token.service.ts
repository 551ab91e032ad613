import { Inject, Injectable } from '@nestjs/common';
import { isRole, type Role } from '@platform/contracts';
import { createSecretKey, KeyObject } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AppError } from '../errors/app-error';
import type { Actor } from './actor';
import { JwtRejected, signHs256, verifyHs256 } from './hs256-jwt';

const ISSUER = 'platform';
/** Verified tokens remembered per process: enough for every session active within a token's life. */
const VERIFIED_CACHE_SIZE = 20_000;

/** Short-lived HS256 access tokens; the refresh side lives in the auth module. */
@Injectable()
export class AccessTokenService {
  private readonly key: KeyObject;
  /**
   * token -> what it verified to. An HMAC costs tens of microseconds, the largest share of an
   * authenticated request, and a client sends the same token until it expires; a token string
   * that verified once verifies again, so only its expiry is re-checked. Oldest entries go first.
   */
  private readonly verified = new Map<string, { actor: Actor; exp: number }>();

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
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > Date.now() / 1000) return known.actor;
      this.verified.delete(token);
      throw expired();
    }
    let claims: Record<string, unknown>;
    try {
      claims = verifyHs256(token, this.key, ISSUER);
    } catch (error) {
      if (error instanceof JwtRejected && error.problem === 'EXPIRED') throw expired();
      throw new AppError('AUTH_TOKEN_INVALID', 'The access token is not valid. 访问令牌无效。');
    }
    const { sub, sid, roles, exp } = claims;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !Array.isArray(roles)) {
      throw new AppError('AUTH_TOKEN_INVALID', 'The access token is not valid. 访问令牌无效。');
    }
    // Frozen: the same object serves every request with this token.
    const actor: Actor = Object.freeze({
      userId: sub,
      sessionId: sid,
      roles: Object.freeze(roles.filter(isRole)) as Role[],
    });
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { actor, exp: exp as number });
    return actor;
  }
}

function expired(): AppError {
  return new AppError(
    'AUTH_TOKEN_EXPIRED',
    'Your session has expired; please refresh or sign in again. 登录已过期。',
  );
}

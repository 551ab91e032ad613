import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../../infra/redis/redis.module';
import { AccessTokenService } from './access-token.service';

/**
 * Access tokens are stateless, so logout writes the session id to Redis for as long as any
 * token of that session could still be alive; every api process sees it at once.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly tokens: AccessTokenService,
  ) {}

  async revoke(sessionId: string): Promise<void> {
    await this.redis.set(this.key(sessionId), '1', 'EX', this.tokens.ttlSeconds + 60);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(sessionId))) === 1;
  }

  private key(sessionId: string): string {
    return `auth:revoked-session:${sessionId}`;
  }
}

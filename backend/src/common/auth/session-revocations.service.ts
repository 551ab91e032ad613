import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../../infra/redis/redis.module';
import { AccessTokenService } from './access-token.service';

const KEY_PREFIX = 'auth:revoked-session:';
const CHANNEL = 'auth:revoked-sessions';

/**
 * Access tokens are stateless, so logout records the session id in Redis for as long as any
 * token of that session could still be alive. Every api process keeps a local copy, filled at
 * start and kept current over Redis pub/sub, so the check on each request costs no round trip.
 * After a lost subscription the copy is reloaded, so no revocation is missed for good.
 */
@Injectable()
export class SessionRevocations implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocations.name);
  /** session id -> epoch ms after which no token of it can be valid any more */
  private readonly revoked = new Map<string, number>();
  private subscriber?: Redis;
  private closing = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly tokens: AccessTokenService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel, sessionId: string) => this.remember(sessionId, this.ttlMs()));
    // Subscribe before loading, so a revocation made in between is not lost. A reconnect runs
    // this again and reloads, covering what was published while the subscription was down.
    let first = true;
    const started = new Promise<void>((resolve, reject) => {
      this.subscriber!.on('ready', () => {
        const attempt = this.subscriber!.subscribe(CHANNEL).then(() => this.reload());
        if (first) {
          first = false;
          attempt.then(resolve, reject);
        } else {
          attempt.catch(
            (error: Error) =>
              this.closing || this.logger.warn({ err: error }, 'reloading revocations failed'),
          );
        }
      });
    });
    this.subscriber.on(
      'error',
      (error: Error) => this.closing || this.logger.warn({ err: error }, 'revocation channel error'),
    );
    await started;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  async revoke(sessionId: string): Promise<void> {
    const ttlSeconds = this.tokens.ttlSeconds + 60;
    await this.redis.set(KEY_PREFIX + sessionId, '1', 'EX', ttlSeconds);
    this.remember(sessionId, ttlSeconds * 1000);
    await this.redis.publish(CHANNEL, sessionId);
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.revoked.delete(sessionId);
    return false;
  }

  private async reload(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${KEY_PREFIX}*`, 'COUNT', 500);
      cursor = next;
      if (!keys.length) continue;
      const ttls = await Promise.all(keys.map((key) => this.redis.pttl(key)));
      keys.forEach((key, i) => ttls[i] > 0 && this.remember(key.slice(KEY_PREFIX.length), ttls[i]));
    } while (cursor !== '0');
    this.logger.debug({ count: this.revoked.size }, 'revoked sessions loaded');
  }

  private remember(sessionId: string, ttlMs: number): void {
    this.revoked.set(sessionId, Date.now() + ttlMs);
  }

  private ttlMs(): number {
    return (this.tokens.ttlSeconds + 60) * 1000;
  }
}

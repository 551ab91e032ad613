import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AppError } from '../../common/errors/app-error';
import { REDIS } from '../../infra/redis/redis.module';

/**
 * Counts failed logins per account-and-address in Redis, so the limit holds across api
 * processes. A success clears the count; the lock lifts by itself after LOGIN_LOCK_SECONDS.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(identifier: string, ip: string): Promise<void> {
    const key = this.key(identifier, ip);
    const failures = Number(await this.redis.get(key)) || 0;
    if (failures < this.config.LOGIN_MAX_FAILURES) return;
    const retryAfterSeconds = Math.max(await this.redis.ttl(key), 1);
    throw new AppError(
      'AUTH_TOO_MANY_ATTEMPTS',
      `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes. 登录失败次数过多，请稍后再试。`,
      { retryAfterSeconds },
    );
  }

  async recordFailure(identifier: string, ip: string): Promise<void> {
    const key = this.key(identifier, ip);
    await this.redis.multi().incr(key).expire(key, this.config.LOGIN_LOCK_SECONDS).exec();
  }

  async clear(identifier: string, ip: string): Promise<void> {
    await this.redis.del(this.key(identifier, ip));
  }

  private key(identifier: string, ip: string): string {
    return `auth:login-failures:${identifier.trim().toLowerCase()}:${ip}`;
  }
}

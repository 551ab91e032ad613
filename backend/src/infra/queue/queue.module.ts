import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QueueName } from '@platform/contracts';
import { APP_CONFIG, AppConfig } from '../../config/config';

export function redisConnection(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password || undefined,
    db: Number(parsed.pathname.slice(1) || 0),
    // BullMQ workers block on Redis; they must retry forever rather than fail a request.
    maxRetriesPerRequest: null,
  };
}

const queues = Object.values(QueueName).map((name) => ({ name }));

/** Producers (api) and consumers (worker) share these queue registrations. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        connection: redisConnection(c.REDIS_URL),
        prefix: c.QUEUE_PREFIX,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 2_000 },
          removeOnComplete: { age: 7 * 86_400, count: 1_000 },
          removeOnFail: { age: 30 * 86_400 },
        },
      }),
    }),
    BullModule.registerQueue(...queues),
  ],
  exports: [BullModule],
})
export class QueueModule {}

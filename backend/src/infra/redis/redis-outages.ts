import type { LoggerService } from '@nestjs/common';
import type Redis from 'ioredis';

/** One warning when Redis goes away and one line when it is back, not one per reconnect attempt. */
export function logOutages(client: Redis, logger: LoggerService, label: string): void {
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error.message }, `${label}: Redis unreachable, retrying`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log(`${label}: Redis is back`);
  });
}

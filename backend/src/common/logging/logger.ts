import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pino, { Logger } from 'pino';

export function createRootLogger(level: string, service: 'api' | 'worker' = 'api'): Logger {
  // No redact paths: they cost every log call; request headers are never logged (see bootstrap).
  // Asynchronous stdout: lines written while a write is in flight go out together, instead of one
  // blocking write per request; pino flushes what is pending when the process exits.
  return pino({ level, base: { service, pid: process.pid } }, pino.destination({ dest: 1, sync: false }));
}

/** Keeps a caller's request id when it looks sane, so one id follows a request across services. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.-]{8,64}$/.test(value) ? value : randomUUID();
}

/** Routes Nest's own log lines into the same structured pino stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    // Nest's Logger passes our `{ err, ... }` object as the message and the text as `trace`.
    if (typeof message === 'object' && message !== null) this.logger.error({ context, ...message }, trace);
    else this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace', message: unknown, context?: string) {
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}

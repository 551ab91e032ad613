import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pino, { Logger } from 'pino';

/** Lines wait in memory until this many bytes are pending, so a busy api writes a batch per syscall. */
const LOG_BATCH_BYTES = 4096;
/** ...and at most this long, so a quiet process still shows its lines promptly. */
const LOG_FLUSH_MS = 1000;

/** Destinations whose pending lines must be written before the process ends. */
const pendingAtExit = new Set<pino.DestinationStream & { flushSync(): void }>();
process.once('exit', () => {
  for (const destination of pendingAtExit) {
    try {
      destination.flushSync();
    } catch {
      // stdout already closed: nothing left to write to.
    }
  }
});

export function createRootLogger(level: string, service: 'api' | 'worker' = 'api'): Logger {
  // No redact paths: they cost every log call; request headers are never logged (see bootstrap).
  // Batched stdout: one write per ~4 KB of lines instead of one per request (the per-request
  // write cost ~15 % of an authenticated GET). The batch is written synchronously: measured per
  // line into a pipe, a synchronous 4 KB write cost ~2.5 µs less than handing it to libuv's thread
  // pool. pino flushes only asynchronous destinations at exit, so this one is flushed above; only
  // a SIGKILL can lose the last second of lines.
  const destination = pino.destination({ dest: 1, sync: true, minLength: LOG_BATCH_BYTES });
  pendingAtExit.add(destination);
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // Closed while the process exits; the exit hook has written what was pending.
    }
  }, LOG_FLUSH_MS).unref();
  return pino({ level, base: { service, pid: process.pid } }, destination);
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

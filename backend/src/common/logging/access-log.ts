import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';

const INFO = pino.levels.values.info;

/**
 * One access-log line per response, written from an onResponse hook. Fastify's own request
 * logging is off: it made a child logger for every request and cost ~30 % of an authenticated
 * GET's CPU. Errors are logged, with the request id, by the exception filter; the status here
 * says which requests failed.
 *
 * The line is the one `logger.info({ reqId, method, url, status, ms }, 'request')` writes (same
 * fields, order, bindings and stream), composed directly: pino's generic serialisation of the
 * object cost ~5 % of a small authenticated GET, measured side by side (bench/results/http.md).
 */
export function logEachResponse(fastify: FastifyInstance, logger: Logger): void {
  const stream = (logger as unknown as Record<symbol, { write(line: string): void }>)[pino.symbols.streamSym];
  const bindings = (logger as unknown as Record<symbol, string>)[pino.symbols.chindingsSym];
  // A callback hook, not an async one: it runs on every request and a promise costs throughput.
  fastify.addHook('onResponse', (request, reply, done) => {
    if (logger.levelVal <= INFO)
      stream.write(
        `{"level":${INFO},"time":${Date.now()}${bindings},"reqId":${JSON.stringify(request.id)},` +
          `"method":${JSON.stringify(request.method)},"url":${JSON.stringify(request.url)},` +
          `"status":${reply.statusCode},"ms":${Math.round(reply.elapsedTime)},"msg":"request"}\n`,
      );
    done();
  });
}

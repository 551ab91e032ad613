import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { logEachResponse } from './common/logging/access-log';
import { requestIdFrom } from './common/logging/logger';
import type { AppConfig } from './config/config';

/**
 * The Fastify layer every api request passes before Nest's router: server options, cookies, the
 * request id and the access line. The api (bootstrap.ts) and the http bench's "no Nest" server
 * (bench/fastify-floor-server.mjs) both build it from here, so the bench measures the same layer.
 */
export function fastifyOptions(config: Pick<AppConfig, 'NODE_ENV'>) {
  return {
    logger: false, // see logEachResponse
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFrom(req.headers['x-request-id']),
    bodyLimit: 1_048_576,
    trustProxy: config.NODE_ENV === 'production',
  };
}

export async function addRequestHooks(fastify: FastifyInstance, logger: Logger): Promise<void> {
  await fastify.register(fastifyCookie);
  logEachResponse(fastify, logger);
  // A callback hook, not an async one: it runs on every request and a promise costs throughput.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
}

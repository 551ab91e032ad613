import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Serves the built Vue app: real files as they are, every other GET that is not an api or
 * admin path gets index.html so the client-side router can take it.
 */
export async function serveWebApp(fastify: FastifyInstance, distDir: string, logger: Logger): Promise<void> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    logger.warn({ root }, 'WEB_DIST_DIR has no index.html; the web app is not served');
    return;
  }
  await fastify.register(fastifyStatic, { root, wildcard: false, maxAge: '1h', index: false });
  fastify.get('/*', (request, reply) => {
    if (/^\/(api|admin)(\/|$)/.test(request.url)) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: 'No such resource. 资源不存在。' });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  fastify.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
}

import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { logEachResponse } from './common/logging/access-log';
import { createRootLogger, PinoNestLogger, requestIdFrom } from './common/logging/logger';
import { AppConfig } from './config/config';
import { acceptCourseMaterialBodies } from './modules/training/materials/course-materials.controller';
import { mountBullBoard } from './infra/queue/bull-board';
import { RealtimeServer } from './infra/realtime/realtime.server';
import { buildOpenApiDocument } from './openapi';
import { serveWebApp } from './web-app';

/** Builds the api exactly as production runs it; main.ts, the tests and the bench all use this. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    logger: false, // see logEachResponse
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFrom(req.headers['x-request-id']),
    bodyLimit: 1_048_576,
    trustProxy: config.NODE_ENV === 'production',
    // No Nest middleware anywhere (hooks and guards do that work): without middie's onRequest
    // hook every request skips a pass through an empty middleware chain.
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.setGlobalPrefix('api');

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyCookie);
  acceptCourseMaterialBodies(fastify);
  logEachResponse(fastify, logger);
  // A callback hook, not an async one: it runs on every request and a promise costs throughput.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'API 文档',
  });
  await mountBullBoard(app, fastify);
  app.get(RealtimeServer).attach(app.getHttpServer());
  if (config.WEB_DIST_DIR) await serveWebApp(fastify, config.WEB_DIST_DIR, logger);
  await app.init();
  return app;
}

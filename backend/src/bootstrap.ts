import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { createRootLogger, PinoNestLogger } from './common/logging/logger';
import { AppConfig } from './config/config';
import { addRequestHooks, fastifyOptions } from './http-layer';
import { acceptCourseMaterialBodies } from './modules/training/materials/course-materials.controller';
import { mountBullBoard } from './infra/queue/bull-board';
import { RealtimeServer } from './infra/realtime/realtime.server';
import { buildOpenApiDocument } from './openapi';
import { serveWebApp } from './web-app';

/** Builds the api exactly as production runs it; main.ts, the tests and the bench all use this. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    ...fastifyOptions(config),
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
  await addRequestHooks(fastify, logger);
  acceptCourseMaterialBodies(fastify);

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

// Nest's own floor: the smallest Nest app on the api's Fastify layer (backend/src/http-layer.ts),
// one controller with one route that does the floor server's token check itself and answers the
// same session body. No guard, no pipe, no other module. The http bench measures it beside the
// api, so each run shows how much of the gap any Nest route costs before the platform adds to it.
import 'reflect-metadata';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { NestFactory } = require('@nestjs/core');
const { Controller, Get, Module, Req } = require('@nestjs/common');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { addRequestHooks, fastifyOptions } = require('../backend/dist/http-layer.js');
const { createRootLogger } = require('../backend/dist/common/logging/logger.js');
const { AccessTokenService } = require('../backend/dist/common/auth/access-token.service.js');
const { bearerToken } = require('../backend/dist/common/auth/auth.guard.js');
const { AppError } = require('../backend/dist/common/errors/app-error.js');

const tokens = new AccessTokenService({
  JWT_ACCESS_SECRET: process.env.JWT_ACCESS_SECRET,
  ACCESS_TOKEN_TTL_SECONDS: 900,
});
const revoked = new Map();

class SessionController {
  session(request) {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new AppError('AUTH_UNAUTHENTICATED', 'Please sign in first.');
    const actor = tokens.verify(token);
    if (revoked.has(actor.sessionId)) throw new AppError('AUTH_SESSION_REVOKED', 'Signed out.');
    return { userId: actor.userId, roles: actor.roles, sessionId: actor.sessionId };
  }
}
// Plain JavaScript has no decorator syntax on Node 20: apply the same decorators by hand.
Req()(SessionController.prototype, 'session', 0);
Reflect.decorate(
  [Get('session')],
  SessionController.prototype,
  'session',
  Object.getOwnPropertyDescriptor(SessionController.prototype, 'session'),
);
Controller('auth')(SessionController);
class FloorModule {}
Module({ controllers: [SessionController] })(FloorModule);

const adapter = new FastifyAdapter({ ...fastifyOptions({ NODE_ENV: 'production' }), skipMiddie: true });
const app = await NestFactory.create(FloorModule, adapter, { logger: false });
app.setGlobalPrefix('api');
await addRequestHooks(app.getHttpAdapter().getInstance(), createRootLogger(process.env.LOG_LEVEL ?? 'info'));
await app.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));

// The api's request path without Nest: the same Fastify layer (server options, cookies, request
// id, access line; backend/src/http-layer.ts) and the same token check as the auth guard
// (bearer token, verified-token cache, revocation lookup), answering the same session body.
// The http bench measures it beside the api and the bare server, so each run shows how much of
// the gap is Nest's router pipeline and how much is the layer every request needs anyway.
import Fastify from 'fastify';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { addRequestHooks, fastifyOptions } = require('../backend/dist/http-layer.js');
const { createRootLogger } = require('../backend/dist/common/logging/logger.js');
const { AccessTokenService } = require('../backend/dist/common/auth/access-token.service.js');
const { bearerToken } = require('../backend/dist/common/auth/auth.guard.js');

const tokens = new AccessTokenService({
  JWT_ACCESS_SECRET: process.env.JWT_ACCESS_SECRET,
  ACCESS_TOKEN_TTL_SECONDS: 900,
});
/** The api keeps revoked sessions in a Map too (SessionRevocations); none are revoked here. */
const revoked = new Map();

const app = Fastify(fastifyOptions({ NODE_ENV: 'production' }));
await addRequestHooks(app, createRootLogger(process.env.LOG_LEVEL ?? 'info'));
app.get('/api/auth/session', (request, reply) => {
  const token = bearerToken(request.headers.authorization);
  if (!token) return reply.code(401).send({ code: 'AUTH_UNAUTHENTICATED' });
  const actor = tokens.verify(token);
  if (revoked.has(actor.sessionId)) return reply.code(401).send({ code: 'AUTH_SESSION_REVOKED' });
  return { userId: actor.userId, roles: actor.roles, sessionId: actor.sessionId };
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));

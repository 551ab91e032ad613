// The baseline: a bare Fastify server answering GET with fixed JSON bodies, nothing else.
import Fastify from 'fastify';

const bodies = JSON.parse(process.env.BARE_BODIES);
const app = Fastify({ logger: false });
for (const [path, body] of Object.entries(bodies)) app.get(path, async () => body);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));

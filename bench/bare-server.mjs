// The baseline: a bare Fastify server answering GET with a fixed JSON body, nothing else.
import Fastify from 'fastify';

const body = JSON.parse(process.env.BARE_BODY);
const app = Fastify({ logger: false });
app.get('/api/auth/me', async () => body);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));

import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { logEachResponse } from './access-log';

function capturedLogger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

describe('access log', () => {
  it('writes one line per response with the request id, route, status and duration', async () => {
    const { logger, lines } = capturedLogger('info');
    const app = Fastify({ logger: false, genReqId: () => 'req-0001' });
    logEachResponse(app, logger);
    app.get('/api/thing', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/api/thing?x=1' });
    await app.inject({ method: 'GET', url: '/api/missing' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map(({ reqId, method, url, status, msg }) => ({ reqId, method, url, status, msg }))).toEqual(
      [
        { reqId: 'req-0001', method: 'GET', url: '/api/thing?x=1', status: 200, msg: 'request' },
        { reqId: 'req-0001', method: 'GET', url: '/api/missing', status: 404, msg: 'request' },
      ],
    );
    expect(typeof lines[0].ms).toBe('number');
    await app.close();
  });

  it('writes the same line as pino would, bindings included', async () => {
    const { logger, lines } = capturedLogger('info');
    const child = logger.child({ service: 'api' });
    const app = Fastify({ logger: false, genReqId: () => 'req-"quoted"' });
    logEachResponse(app, child);
    app.get('/api/thing', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/api/thing?q=%22a%22&x=\\' });
    child.info({ reqId: 'r', method: 'GET', url: '/u', status: 200, ms: 0 }, 'request');
    await new Promise((resolve) => setImmediate(resolve));
    const [ours, pinos] = lines;
    expect(Object.keys(ours)).toEqual(Object.keys(pinos));
    expect(ours).toMatchObject({
      level: 30,
      service: 'api',
      reqId: 'req-"quoted"',
      url: '/api/thing?q=%22a%22&x=\\',
    });
    expect(typeof ours.time).toBe('number');
    await app.close();
  });

  it('writes nothing above the info level', async () => {
    const { logger, lines } = capturedLogger('warn');
    const app = Fastify({ logger: false });
    logEachResponse(app, logger);
    app.get('/api/thing', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/api/thing' });
    expect(lines).toEqual([]);
    await app.close();
  });
});

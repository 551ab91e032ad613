import { BadRequestException, NotFoundException } from '@nestjs/common';
import Redis from 'ioredis';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AppError } from './app-error';

const filter = new AllExceptionsFilter();

describe('AllExceptionsFilter.toResponse', () => {
  it('keeps the code, status and details of an AppError', () => {
    expect(filter.toResponse(new AppError('AUTH_PHONE_TAKEN', 'taken', { field: 'phone' }))).toEqual({
      status: 409,
      body: { code: 'AUTH_PHONE_TAKEN', message: 'taken', details: { field: 'phone' } },
    });
  });

  it('hides the message and stack of an unexpected error', () => {
    const { status, body } = filter.toResponse(new Error('connection string postgres://secret'));
    expect(status).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('maps framework errors to stable codes', () => {
    expect(filter.toResponse(new NotFoundException()).body.code).toBe('NOT_FOUND');
    expect(
      filter.toResponse(
        new BadRequestException("Body is not valid JSON but content-type is set to 'application/json'"),
      ).body.code,
    ).toBe('MALFORMED_JSON');
    expect(
      filter.toResponse({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'too large' }).body
        .code,
    ).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 503 SERVICE_UNAVAILABLE, not 500, when PostgreSQL or Redis cannot be reached', async () => {
    const port = await closedPort();
    const redis = new Redis({ port, maxRetriesPerRequest: 0, retryStrategy: () => 50, lazyConnect: true });
    redis.on('error', () => undefined);
    const redisError = await redis.get('x').catch((error: unknown) => error);
    redis.disconnect();
    const pgError = await new Client({ host: '127.0.0.1', port }).connect().catch((error: unknown) => error);
    for (const error of [redisError, pgError]) {
      expect(error).toBeInstanceOf(Error);
      expect(filter.toResponse(error)).toMatchObject({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' } });
    }
  });
});

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

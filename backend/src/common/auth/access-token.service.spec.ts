import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../config/config';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';

const config = {
  JWT_ACCESS_SECRET: 'a-test-secret-that-is-long-enough-000000',
  ACCESS_TOKEN_TTL_SECONDS: 900,
} as AppConfig;
const actor = { userId: 'u1', sessionId: 's1', roles: ['seeker' as const] };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'ACCEPTED';
};

describe('access tokens verified once per process', () => {
  afterEach(() => vi.useRealTimers());

  it('still refuses a remembered token once it has expired', () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T08:00:00Z') });
    const tokens = new AccessTokenService(config);
    const token = tokens.sign(actor);
    expect(tokens.verify(token)).toEqual(actor);
    expect(tokens.verify(token)).toEqual(actor); // answered from memory
    vi.setSystemTime(new Date('2026-12-06T08:15:01Z'));
    expect(codeOf(() => tokens.verify(token))).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('never remembers a token that failed, nor accepts a tampered copy of a remembered one', () => {
    const tokens = new AccessTokenService(config);
    const token = tokens.sign(actor);
    tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(payload, 'base64url').toString().replace('seeker', 'admin');
    const tampered = `${header}.${Buffer.from(forged).toString('base64url')}.${signature}`;
    expect(codeOf(() => tokens.verify(tampered))).toBe('AUTH_TOKEN_INVALID');
    expect(codeOf(() => tokens.verify(tampered))).toBe('AUTH_TOKEN_INVALID');
  });

  it('hands out an actor nobody can change for the next request', () => {
    const tokens = new AccessTokenService(config);
    const first = tokens.verify(tokens.sign(actor));
    expect(() => first.roles.push('admin')).toThrow(TypeError);
  });
});

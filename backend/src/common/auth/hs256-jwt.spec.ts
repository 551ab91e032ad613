import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JwtRejected, signHs256, verifyHs256 } from './hs256-jwt';

const secret = 'a-test-secret-that-is-long-enough-000000';
const key = createSecretKey(Buffer.from(secret));
const now = 1_800_000_000;
const claims = { sub: 'u1', iss: 'platform', iat: now, exp: now + 900, roles: ['seeker'] };

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as JwtRejected).problem;
  }
  return 'ACCEPTED';
};

describe('HS256 access tokens', () => {
  it('round-trips its own tokens and reads tokens signed by another JWT library', () => {
    expect(verifyHs256(signHs256(claims, key), key, 'platform', now)).toMatchObject({
      sub: 'u1',
      roles: ['seeker'],
    });
    const foreign = new JwtService({ secret }).sign({ sub: 'u2' }, { issuer: 'platform', expiresIn: 60 });
    expect(verifyHs256(foreign, key, 'platform').sub).toBe('u2');
  });

  it('rejects a token signed with another key', () => {
    const other = createSecretKey(Buffer.from('another-secret-that-is-long-enough-00000'));
    expect(problemOf(() => verifyHs256(signHs256(claims, other), key, 'platform', now))).toBe(
      'BAD_SIGNATURE',
    );
  });

  it('rejects a changed payload under the original signature', () => {
    const [h, , s] = signHs256(claims, key).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    expect(problemOf(() => verifyHs256(`${h}.${forged}.${s}`, key, 'platform', now))).toBe('BAD_SIGNATURE');
  });

  it('rejects "alg: none" and every algorithm but HS256', () => {
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const [, p] = signHs256(claims, key).split('.');
    expect(problemOf(() => verifyHs256(`${none}.${p}.`, key, 'platform', now))).toBe('BAD_ALGORITHM');
  });

  it('rejects expired, not-yet-valid, foreign-issuer and malformed tokens', () => {
    expect(problemOf(() => verifyHs256(signHs256(claims, key), key, 'platform', now + 900))).toBe('EXPIRED');
    expect(
      problemOf(() => verifyHs256(signHs256({ ...claims, nbf: now + 60 }, key), key, 'platform', now)),
    ).toBe('NOT_YET_VALID');
    expect(
      problemOf(() => verifyHs256(signHs256({ ...claims, iss: 'elsewhere' }, key), key, 'platform', now)),
    ).toBe('WRONG_ISSUER');
    expect(problemOf(() => verifyHs256('not.a.token', key, 'platform', now))).toBe('MALFORMED');
    expect(problemOf(() => verifyHs256('abc', key, 'platform', now))).toBe('MALFORMED');
  });
});

import { createHmac, KeyObject, timingSafeEqual } from 'node:crypto';

/**
 * A deliberately small HS256 JWT codec for the platform's own access tokens. It accepts only
 * what this api issues (HS256, our issuer, an expiry), so there is no algorithm negotiation to
 * get wrong, and it verifies in a few microseconds on the hot path of every request.
 */
export interface JwtClaims {
  sub: string;
  iss: string;
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

export type JwtProblem =
  'MALFORMED' | 'BAD_ALGORITHM' | 'BAD_SIGNATURE' | 'WRONG_ISSUER' | 'EXPIRED' | 'NOT_YET_VALID';

export class JwtRejected extends Error {
  constructor(readonly problem: JwtProblem) {
    super(`token rejected: ${problem}`);
  }
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signHs256(claims: JwtClaims, key: KeyObject): string {
  const payload = base64url(JSON.stringify(claims));
  return `${HEADER}.${payload}.${signature(`${HEADER}.${payload}`, key)}`;
}

export function verifyHs256(
  token: string,
  key: KeyObject,
  issuer: string,
  nowSeconds = Date.now() / 1000,
): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtRejected('MALFORMED');
  const [header, payload, given] = parts;
  const alg = (parseSegment(header) as { alg?: unknown }).alg;
  if (alg !== 'HS256') throw new JwtRejected('BAD_ALGORITHM');

  const expected = Buffer.from(signature(`${header}.${payload}`, key), 'base64url');
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    throw new JwtRejected('BAD_SIGNATURE');

  const claims = parseSegment(payload) as Partial<JwtClaims>;
  if (claims.iss !== issuer) throw new JwtRejected('WRONG_ISSUER');
  if (typeof claims.exp !== 'number') throw new JwtRejected('MALFORMED');
  if (claims.exp <= nowSeconds) throw new JwtRejected('EXPIRED');
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds) throw new JwtRejected('NOT_YET_VALID');
  return claims as JwtClaims;
}

function parseSegment(segment: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') return value;
  } catch {
    // fall through
  }
  throw new JwtRejected('MALFORMED');
}

function signature(input: string, key: KeyObject): string {
  return createHmac('sha256', key).update(input).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

import { createHash } from 'node:crypto';
import { cyrb128 } from './prng';

/** The generator's own UUID namespace; every demo id is a v5 UUID below it and the seed. */
const GENERATOR_NAMESPACE = '6f1c2a9e-4b7d-5e21-9c3a-8d5f0e7b2a14';

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same name always gives the same id. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type FairKey = 'running' | 'fair2020';

/**
 * Every id, login and credit code the generator hands out for one seed. Deriving them from the
 * seed (and never from the clock or a random source) is what makes a second run reproduce the
 * first one row for row, and lets `--replace` find what an earlier run wrote.
 */
export class DemoIds {
  readonly namespace: string;
  /** Generated accounts log in by e-mail; the reserved .example TLD cannot belong to a real person. */
  readonly emailDomain: string;
  /** Keeps the credit codes of different seeds apart (organisation code = bucket + index). */
  private readonly usccBucket: number;

  constructor(readonly seed: string) {
    this.namespace = uuidV5(`demo-fair:${seed}`, GENERATOR_NAMESPACE);
    this.emailDomain = `${seedSlug(seed)}.demo-fair.example`;
    this.usccBucket = cyrb128(`uscc|${seed}`)[0] % 50_000;
  }

  id(...parts: (string | number)[]): string {
    return uuidV5(parts.join(':'), this.namespace);
  }

  fair(fair: FairKey): string {
    return this.id('fair', fair);
  }

  employer(index: number): string {
    return this.id('employer', index);
  }

  agency(index: number): string {
    return this.id('agency', index);
  }

  position(fair: FairKey, index: number): string {
    return this.id('position', fair, index);
  }

  user(kind: 'employer' | 'agency', index: number): string {
    return this.id('user', kind, index);
  }

  email(kind: 'employer' | 'agency', index: number): string {
    return `${kind}-${index}@${this.emailDomain}`;
  }

  /** Generated job seekers (generate-resumes): their account id and login. */
  seeker(index: number): string {
    return this.id('user', 'seeker', index);
  }

  seekerEmail(index: number): string {
    return `seeker-${index}@${this.emailDomain}`;
  }

  /**
   * Serial for makeUnifiedSocialCreditCode: unique per seed, kind and index (the bucket is the
   * low part, so the leading characters of the organisation code vary from unit to unit).
   */
  usccSerial(kind: 'employer' | 'agency', index: number): number {
    return ((kind === 'agency' ? 9_000_000 : 0) + index) * 50_000 + this.usccBucket;
  }
}

function seedSlug(seed: string): string {
  if (/^[a-z0-9-]{1,30}$/.test(seed)) return `seed-${seed}`;
  return `seed-h${cyrb128(seed)[0].toString(16)}`;
}

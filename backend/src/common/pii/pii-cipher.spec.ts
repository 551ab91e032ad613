import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test-support/test-config';
import { PiiCipher } from './pii-cipher';

describe('PiiCipher', () => {
  const cipher = new PiiCipher(testConfig());

  it('round-trips and never stores the same ciphertext twice', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('110105');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = cipher.encrypt('11010519491231002X').split(':');
    sealed[3] = Buffer.from('tampered').toString('base64');
    expect(() => cipher.decrypt(sealed.join(':'))).toThrow();
  });

  it('hashes case-insensitively for lookups', () => {
    expect(cipher.lookupHash('11010519491231002x')).toBe(cipher.lookupHash('11010519491231002X'));
  });
});

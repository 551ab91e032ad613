import { describe, expect, it } from 'vitest';
import {
  isValidResidentIdNumber,
  isValidUnifiedSocialCreditCode,
  makeUnifiedSocialCreditCode,
} from './id-numbers';

describe('isValidResidentIdNumber', () => {
  it('accepts the GB 11643 example with an X check character, in either case', () => {
    expect(isValidResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isValidResidentIdNumber('11010519491231002x')).toBe(true);
  });

  it('rejects a single mistyped digit', () => {
    expect(isValidResidentIdNumber('11010519491231003X')).toBe(false);
  });

  it('rejects an impossible birth date even when the digits are well formed', () => {
    expect(isValidResidentIdNumber('110105194902300000')).toBe(false);
  });

  it('rejects wrong lengths and letters other than a final X', () => {
    expect(isValidResidentIdNumber('1101051949123100')).toBe(false);
    expect(isValidResidentIdNumber('1101051949123100AX')).toBe(false);
  });
});

describe('isValidUnifiedSocialCreditCode', () => {
  it('accepts a code whose mod-31 check character matches', () => {
    expect(isValidUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('rejects the same code with its check character changed', () => {
    expect(isValidUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('rejects the letters I, O, S, V and Z, which the alphabet leaves out', () => {
    expect(isValidUnifiedSocialCreditCode('91350100M000100I43')).toBe(false);
  });
});

describe('makeUnifiedSocialCreditCode', () => {
  it('produces distinct codes that pass the GB 32100-2015 check', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => makeUnifiedSocialCreditCode(i * 7919));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every(isValidUnifiedSocialCreditCode)).toBe(true);
  });
});

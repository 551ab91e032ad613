import { describe, expect, it } from 'vitest';
import { passwordProblems, RegisterSchema } from './auth';
import { maskEmail, maskIdNumber, maskPhone } from './mask';

describe('passwordProblems', () => {
  it('accepts a long password with letters and digits', () => {
    expect(passwordProblems('Spring2026!go')).toEqual([]);
  });

  it('names every problem of a weak password', () => {
    expect(passwordProblems('abc')).toEqual(['TOO_SHORT', 'NEEDS_LETTER_AND_DIGIT']);
    expect(passwordProblems('12345678')).toEqual(['NEEDS_LETTER_AND_DIGIT', 'TOO_COMMON']);
  });

  it('refuses a password that contains the phone number', () => {
    expect(passwordProblems('a13800138000', ['13800138000'])).toContain('CONTAINS_IDENTIFIER');
  });
});

describe('RegisterSchema', () => {
  it('normalises the email and refuses staff roles at self-registration', () => {
    const ok = RegisterSchema.parse({
      email: ' Li@Example.COM ',
      password: 'x',
      displayName: '李',
      roles: ['seeker'],
    });
    expect(ok.email).toBe('li@example.com');
    expect(() =>
      RegisterSchema.parse({ email: 'a@b.cn', password: 'x', displayName: '李', roles: ['admin'] }),
    ).toThrow();
  });

  it('refuses a phone number that is not a mainland mobile number', () => {
    expect(() =>
      RegisterSchema.parse({ phone: '12345', password: 'x', displayName: '李', roles: ['seeker'] }),
    ).toThrow();
  });
});

describe('masks', () => {
  it('hide the middle of contacts and ID numbers', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});

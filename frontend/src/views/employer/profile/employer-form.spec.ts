import { makeUnifiedSocialCreditCode } from '@platform/contracts/id-numbers';
import type { FormItemRule } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { employerBody, employerRules, emptyEmployerForm } from './employer-form';

const t = (key: string) => key;

function validate(rules: FormItemRule[], value: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const validators = rules.filter((rule) => rule.validator);
    let pending = validators.length;
    if (!pending) resolve(undefined);
    for (const rule of validators) {
      rule.validator!(
        rule,
        value,
        (error?: string | Error) => {
          if (error) resolve(error instanceof Error ? error.message : error);
          else if (--pending === 0) resolve(undefined);
        },
        {},
        {},
      );
    }
  });
}

describe('employerRules', () => {
  const rules = employerRules(t);

  it('accepts a credit code whose check character is right, in either case', async () => {
    const code = makeUnifiedSocialCreditCode(4242);
    expect(await validate(rules.uscc as FormItemRule[], code)).toBeUndefined();
    expect(await validate(rules.uscc as FormItemRule[], code.toLowerCase())).toBeUndefined();
  });

  it('refuses a credit code with a wrong check character before anything is sent', async () => {
    const code = makeUnifiedSocialCreditCode(4242);
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(await validate(rules.uscc as FormItemRule[], wrong)).toBe('employer.validation.usccInvalid');
  });

  it('refuses a phone number that is not an 11-digit mobile', async () => {
    expect(await validate(rules.contactPhone as FormItemRule[], '023-6666666')).toBe(
      'employer.validation.phoneInvalid',
    );
    expect(await validate(rules.contactPhone as FormItemRule[], '13912345678')).toBeUndefined();
  });
});

describe('employerBody', () => {
  it('trims the fields, upper-cases the code and leaves an empty email out', () => {
    const form = {
      ...emptyEmployerForm(),
      name: ' 重庆示例科技有限公司 ',
      uscc: ' 91500103ma5u0000x0 ',
      unitType: 'enterprise' as const,
      size: 'small' as const,
      contactEmail: '  ',
    };
    const body = employerBody(form);
    expect(body.name).toBe('重庆示例科技有限公司');
    expect(body.uscc).toBe('91500103MA5U0000X0');
    expect(body.province).toBe('重庆市');
    expect(body).not.toHaveProperty('contactEmail');
  });
});

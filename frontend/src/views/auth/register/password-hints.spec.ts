import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/i18n';
import PasswordHints from './PasswordHints.vue';
import { identifiersOf, passwordHints } from './password-hints';

const stateOf = (password: string, identifiers: string[] = []) =>
  Object.fromEntries(passwordHints(password, identifiers).map((hint) => [hint.rule, hint.state]));

describe('passwordHints', () => {
  it('marks every rule as pending before anything is typed', () => {
    expect(stateOf('')).toEqual({
      TOO_SHORT: 'pending',
      NEEDS_LETTER_AND_DIGIT: 'pending',
      TOO_COMMON: 'pending',
      CONTAINS_IDENTIFIER: 'pending',
    });
  });

  it('flags a short all-digit password and passes the rest', () => {
    expect(stateOf('123')).toEqual({
      TOO_SHORT: 'failed',
      NEEDS_LETTER_AND_DIGIT: 'failed',
      TOO_COMMON: 'ok',
      CONTAINS_IDENTIFIER: 'ok',
    });
  });

  it('refuses a common password and one that contains the phone number', () => {
    expect(stateOf('Password1').TOO_COMMON).toBe('failed');
    expect(stateOf('ab13812345678', identifiersOf('13812345678', '')).CONTAINS_IDENTIFIER).toBe('failed');
    expect(stateOf('zhangsan2026', identifiersOf('', 'ZhangSan@example.com')).CONTAINS_IDENTIFIER).toBe(
      'failed',
    );
  });

  it('passes a good password on every rule, and mentions the length cap only when it is broken', () => {
    expect(Object.values(stateOf('Graduate2026ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(stateOf(`a1${'x'.repeat(130)}`).TOO_LONG).toBe('failed');
  });
});

describe('PasswordHints', () => {
  function render(password: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
    return mount(PasswordHints, {
      props: { password, identifiers: [] },
      global: { plugins: [createAppI18n(locale)] },
    });
  }

  it('tells the user in Chinese that 8 characters are needed, as soon as they type', async () => {
    const wrapper = render('');
    expect(wrapper.text()).toContain('至少 8 位');
    await wrapper.setProps({ password: '123' });
    expect(wrapper.get('[data-rule="TOO_SHORT"]').attributes('data-state')).toBe('failed');
    expect(wrapper.get('[data-rule="TOO_COMMON"]').attributes('data-state')).toBe('ok');
  });

  it('speaks English when the user chose English', () => {
    expect(render('abc', 'en').text()).toContain('At least 8 characters');
  });
});

import { ERROR_CODES } from '@platform/contracts/error-codes';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import { errorMessage } from './error-message';
import { createAppI18n, LOCALES } from './index';

const zh = createAppI18n('zh-CN').global;
const en = createAppI18n('en').global;

describe('errorMessage', () => {
  it('explains a taken phone number in Chinese and in English', () => {
    const error = new ApiError(
      'AUTH_PHONE_TAKEN',
      'This phone number is already registered. 该手机号已注册。',
      undefined,
      409,
    );
    expect(errorMessage(error, zh)).toContain('该手机号已注册');
    expect(errorMessage(error, en)).toContain('already registered');
  });

  it('lists the broken password rules in the user’s language', () => {
    const error = new ApiError('AUTH_WEAK_PASSWORD', 'The password is too weak.', {
      problems: ['TOO_SHORT', 'NEEDS_LETTER_AND_DIGIT'],
    });
    expect(errorMessage(error, zh)).toBe('密码强度不足，要求：至少 8 位、同时包含字母和数字。');
    expect(errorMessage(error, en)).toBe(
      'The password is too weak. Rules: At least 8 characters, Both letters and digits.',
    );
  });

  it('tells a locked-out user how many minutes to wait, rounded up', () => {
    const error = new ApiError('AUTH_TOO_MANY_ATTEMPTS', 'Too many', { retryAfterSeconds: 541 });
    expect(errorMessage(error, zh)).toBe('登录失败次数过多，请 10 分钟后再试。');
    expect(errorMessage(error, en)).toContain('10 minutes');
  });

  it('names the field a validation error is about', () => {
    const error = new ApiError('VALIDATION_FAILED', 'Invalid input', {
      fields: [{ path: 'phone', message: 'phone must be an 11-digit mainland mobile number' }],
    });
    expect(errorMessage(error, zh)).toBe(
      '“手机号”填写有误（phone must be an 11-digit mainland mobile number）',
    );
    expect(errorMessage(new ApiError('VALIDATION_FAILED', 'Invalid input'), zh)).toBe(
      '提交的信息有误，请检查后重试。',
    );
  });

  it('falls back to the server’s own message for a code this build does not know', () => {
    const error = new ApiError('POSITION_DISCRIMINATORY_TEXT', '岗位描述含有歧视性内容。', undefined, 400);
    expect(errorMessage(error, zh)).toBe('岗位描述含有歧视性内容。');
  });

  it('shows the api’s own sentence, in the user’s language, where it says more than a fixed text', () => {
    const error = new ApiError(
      'STATE_TRANSITION_INVALID',
      'The fair is already suspended. 该双选会已暂停。',
      undefined,
      409,
    );
    expect(errorMessage(error, zh)).toBe('该双选会已暂停。');
    expect(errorMessage(error, en)).toBe('The fair is already suspended.');
  });

  it('keeps its own text for a fair code whose api message is one language only', () => {
    const error = new ApiError('FAIR_CLOSED', 'closed', undefined, 409);
    expect(errorMessage(error, zh)).toBe('该双选会已结束、暂停或取消，不能再报名或发布岗位。');
  });

  it('explains a refused posting in the user’s language', () => {
    const error = new ApiError(
      'POSITION_CONTENT_REJECTED',
      'The posting breaks the posting rules; change the marked words. 岗位信息违反发布规定，请修改标出的内容。',
      { check: { findings: [] } },
      422,
    );
    expect(errorMessage(error, zh)).toBe('岗位信息违反发布规定，请修改标出的内容。');
  });

  it('TR-5 names the plan fields a refused class plan lacks', () => {
    const error = new ApiError('CLASS_PLAN_INCOMPLETE', 'x', { missing: ['platform', 'duration'] }, 422);
    expect(errorMessage(error, zh)).toBe('线上培训方案不完整，请补充：培训平台、培训时长（学时）。');
    expect(errorMessage(error, en)).toBe('The online plan is incomplete; add: Platform, Duration (学时).');
  });

  it('says the server cannot be reached when the request never got an answer', () => {
    const error = ApiError.fromNetwork(new TypeError('Failed to fetch'));
    expect(errorMessage(error, zh)).toBe('无法连接服务器，请检查网络后重试。');
  });

  it('does not show a programming error’s text to the user', () => {
    expect(errorMessage(new Error('x is undefined'), zh)).toBe('操作失败，请稍后再试。');
  });

  it.each(LOCALES)('has a message of its own for every error code of the api (%s)', (locale) => {
    const { te } = createAppI18n(locale).global;
    const missing = Object.keys(ERROR_CODES).filter((code) => !te(`errors.${code}`));
    expect(missing).toEqual([]);
  });
});

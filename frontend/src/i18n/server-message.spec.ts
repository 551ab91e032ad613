import { describe, expect, it } from 'vitest';
import { isBilingual, serverSentence } from './server-message';

describe('serverSentence', () => {
  const deadline = 'Applications closed on 2026-03-04. 报名已截止。';

  it('picks the Chinese sentence for zh-CN and the English one for en', () => {
    expect(serverSentence(deadline, 'zh-CN')).toBe('报名已截止。');
    expect(serverSentence(deadline, 'en')).toBe('Applications closed on 2026-03-04.');
  });

  it('does not split at Chinese words quoted inside the English sentence', () => {
    const message =
      'The 统一社会信用代码 is not valid (GB 32100-2015 check character). 统一社会信用代码校验不通过。';
    expect(serverSentence(message, 'zh-CN')).toBe('统一社会信用代码校验不通过。');
    expect(serverSentence(message, 'en')).toBe(
      'The 统一社会信用代码 is not valid (GB 32100-2015 check character).',
    );
  });

  it('returns a one-language message whole', () => {
    expect(serverSentence('岗位描述含有歧视性内容。', 'en')).toBe('岗位描述含有歧视性内容。');
    expect(serverSentence('Body cannot be empty', 'zh-CN')).toBe('Body cannot be empty');
    expect(isBilingual('Body cannot be empty')).toBe(false);
    expect(isBilingual(deadline)).toBe(true);
  });
});

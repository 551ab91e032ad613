import { describe, expect, it } from 'vitest';
import { suggestVersion } from './policy-fields';

describe('suggestVersion', () => {
  it('names a new version after the day and never reuses a name', () => {
    expect(suggestVersion(['cq-2020.1'], '2026-12-02')).toBe('cq-2026-12-02');
    expect(suggestVersion(['cq-2026-12-02', 'cq-2026-12-02.2'], '2026-12-02')).toBe('cq-2026-12-02.3');
  });
});

import { describe, expect, it } from 'vitest';
import { suggestVersion } from './use-policy-versions';

describe('suggestVersion', () => {
  it('names a new version after the day and never reuses a name', () => {
    expect(suggestVersion(['cq-2020.1'], '2026-12-02', 'cq')).toBe('cq-2026-12-02');
    expect(suggestVersion(['as-2026-12-06', 'as-2026-12-06-2'], '2026-12-06', 'as')).toBe('as-2026-12-06-3');
  });
});

import { describe, expect, it } from 'vitest';
import type { PostingCheck, PostingFinding } from '@/api/fair-types';
import { findingsByField } from './findings';

function finding(field: string, severity: 'reject' | 'review', code: string): PostingFinding {
  return {
    ruleId: code,
    code,
    severity,
    label: 'SRC',
    citation: 'S3:1',
    field,
    matched: '词',
    start: 0,
    end: 1,
    explanation: { zh: '说明', en: 'why' },
  };
}

describe('findingsByField', () => {
  it('groups findings by field in the order the editor shows the fields, must-fix first', () => {
    const check: PostingCheck = {
      ruleSetVersion: '2020.1',
      verdict: 'reject',
      exemptions: [],
      findings: [
        finding('benefits', 'review', 'B'),
        finding('requirements', 'review', 'R2'),
        finding('requirements', 'reject', 'R1'),
        finding('title', 'review', 'T'),
      ],
    };
    const groups = findingsByField(check);
    expect(groups.map((group) => group.field)).toEqual(['title', 'requirements', 'benefits']);
    expect(groups[1].findings.map((f) => f.code)).toEqual(['R1', 'R2']);
    expect(groups[1].marks[0]).toMatchObject({ code: 'R1', severity: 'reject', matched: '词' });
  });

  it('has nothing to show without a check', () => {
    expect(findingsByField(null)).toEqual([]);
  });
});

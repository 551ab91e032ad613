import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashCanonical, hashSlice } from './subsidy-engine';

/** The map/filter/join version the stored input hashes were first written with. */
function earlierCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(earlierCanonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${earlierCanonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const slice = {
  placements: [
    {
      placementId: 'p1',
      contract: { startDate: '2020-03-06', contractId: 'c"1\\', endDate: null, openEnded: false },
      feeChargedToWorkerFen: -100,
      submittedAt: undefined,
    },
  ],
  agency: { agencyId: 'a1', district: null, a3ApprovedOn: '2020-03-04' },
  workers: [{ workerId: 'w1', categories: ['COLLEGE_GRAD', '就业困难'], categoryEvidence: [] }],
  socialInsurance: [],
  ratio: 0.1,
};

describe('canonicalJson', () => {
  it('writes the same text as the earlier version, so stored input hashes still match', () => {
    expect(canonicalJson(slice)).toBe(earlierCanonicalJson(slice));
    expect(canonicalJson([1, null, 'x', [], {}])).toBe(earlierCanonicalJson([1, null, 'x', [], {}]));
  });

  it('orders keys, drops undefined members and is valid JSON with the same content', () => {
    const text = canonicalJson({ b: 1, a: { d: undefined, c: [2] } });
    expect(text).toBe('{"a":{"c":[2]},"b":1}');
    expect(JSON.parse(canonicalJson(slice))).toEqual(JSON.parse(JSON.stringify(slice)));
  });

  it('hashes the canonical text: hashSlice and hashCanonical agree', () => {
    const expected = createHash('sha256').update(earlierCanonicalJson(slice)).digest('hex');
    expect(hashSlice(slice)).toBe(expected);
    expect(hashCanonical(canonicalJson(slice))).toBe(expected);
  });
});

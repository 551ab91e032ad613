import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSubsidyRequest, type AgencyPeriodInput } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { canonicalSlices, sortedKeys } from './canonical-slices';
import { canonicalJson, evaluateAgencyPeriod, sliceForLine } from './subsidy-engine';

const examples = ['agency-subsidy-ag01.json', 'agency-subsidy-activity.json'].map((name) =>
  parseSubsidyRequest(readFileSync(join(__dirname, '../../../../docs/examples', name), 'utf8')),
);

describe('sortedKeys: canonical JSON by the native serialiser', () => {
  it('JSON.stringify of the copy is canonicalJson of the value', () => {
    const values = [
      { b: 1, a: { d: undefined, c: [2, { z: null, y: 'é' }] }, 名: '就业', Z: true, a_b: 0.1, aB: -0 },
      [1, null, 'x', [], {}],
      'x',
      3,
      null,
      ...examples.map((e) => e.input),
    ];
    for (const value of values) expect(JSON.stringify(sortedKeys(value))).toBe(canonicalJson(value));
  });

  it('says when insertion order cannot give the canonical order, and leaves the value as it was', () => {
    expect(sortedKeys({ a: { '10': 1, '9': 2 } })).toBeUndefined();
    expect(sortedKeys([1, undefined])).toBeUndefined();
    const value = { b: 1, a: { d: undefined, c: [2] } };
    sortedKeys(value);
    expect(Object.keys(value)).toEqual(['b', 'a']);
    expect('d' in value.a).toBe(true);
  });
});

describe('canonicalSlices: what a chunk stores for each line', () => {
  it('is the canonical JSON of sliceForLine for every line (the documented examples)', () => {
    for (const { input, policy } of examples) {
      const sliceOf = canonicalSlices(input);
      const lines = evaluateAgencyPeriod(input, policy).lines;
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines)
        expect(sliceOf(line.lineKey)).toBe(canonicalJson(sliceForLine(input, line.lineKey)));
    }
  });

  it('still writes the canonical JSON when a key cannot be placed by insertion order', () => {
    const { input, policy } = examples[0];
    const odd: AgencyPeriodInput = {
      ...input,
      workers: input.workers.map((w) => ({
        ...w,
        categoryEvidence: [{ category: w.categories[0], validFrom: null, validTo: null, '2': 'x' } as never],
      })),
    };
    const sliceOf = canonicalSlices(odd);
    for (const line of evaluateAgencyPeriod(odd, policy).lines)
      expect(sliceOf(line.lineKey)).toBe(canonicalJson(sliceForLine(odd, line.lineKey)));
  });
});

import { describe, expect, it } from 'vitest';
import { DemoIds, uuidV5 } from './demo-ids';
import { Prng, rngFor } from './prng';

const draw = (rng: Prng, n: number) => Array.from({ length: n }, () => rng.nextUint32());

describe('seeded generator', () => {
  it('repeats its sequence for the same key and differs for another key', () => {
    expect(draw(rngFor('cq2020', 'employer', 7), 20)).toEqual(draw(rngFor('cq2020', 'employer', 7), 20));
    expect(draw(rngFor('cq2020', 'employer', 7), 20)).not.toEqual(draw(rngFor('cq2020', 'employer', 8), 20));
    expect(draw(new Prng('a'), 5)).not.toEqual(draw(new Prng('b'), 5));
  });

  it('keeps draws in range and roughly uniform', () => {
    const rng = new Prng('range');
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.int(1, 6) - 1] += 1;
    for (const count of counts) expect(count).toBeGreaterThan(9_000);
    for (let i = 0; i < 1000; i++) expect(rng.next()).toBeLessThan(1);
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = [...items];
    new Prng('shuffle').shuffle(shuffled);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    const sample = new Prng('sample').sample(items, 10);
    expect(new Set(sample).size).toBe(10);
  });

  it('picks by weight', () => {
    const rng = new Prng('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['heavy', 9],
          ['light', 1],
        ]) === 'heavy'
      )
        heavy += 1;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });
});

describe('demo ids', () => {
  it('are RFC 4122 version 5 UUIDs (the published test vector)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('follow the seed: same seed same ids, another seed other ids and another login domain', () => {
    const a = new DemoIds('cq2020');
    expect(new DemoIds('cq2020').position('running', 42)).toBe(a.position('running', 42));
    expect(a.position('running', 42)).not.toBe(a.position('fair2020', 42));
    const b = new DemoIds('CQ2020');
    expect(b.fair('running')).not.toBe(a.fair('running'));
    expect(b.emailDomain).not.toBe(a.emailDomain);
    expect(a.email('employer', 3)).toBe('employer-3@seed-cq2020.demo-fair.example');
  });

  it('hand out distinct credit-code serials per kind and index', () => {
    const ids = new DemoIds('cq2020');
    const serials = new Set<number>();
    for (let i = 0; i < 5000; i++) serials.add(ids.usccSerial('employer', i));
    for (let i = 0; i < 6; i++) serials.add(ids.usccSerial('agency', i));
    expect(serials.size).toBe(5006);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson, ChainEvent, contentHash, eventHash, GENESIS, verifyChain } from './agreement-chain';

const terms = {
  kind: 'labor_contract',
  monthlySalary: 8000,
  startOn: '2026-07-01',
  endOn: '2029-06-30',
  openEnded: false,
};

function chain(hash: string): ChainEvent[] {
  const first = { seq: 1, kind: 'created', payload: { contentHash: hash }, prevHash: GENESIS, hash: '' };
  first.hash = eventHash(GENESIS, 1, 'created', first.payload);
  const second = {
    seq: 2,
    kind: 'seeker_signed',
    payload: { contentHash: hash, at: '2026-06-01T00:00:00Z' },
    prevHash: first.hash,
    hash: '',
  };
  second.hash = eventHash(first.hash, 2, 'seeker_signed', second.payload);
  return [first, second];
}

describe('agreement chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(
      canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 }),
    );
  });

  it('verifies untouched terms and events', () => {
    const hash = contentHash(terms);
    expect(verifyChain(terms, hash, chain(hash))).toEqual([]);
  });

  it('a changed salary no longer verifies', () => {
    const hash = contentHash(terms);
    expect(verifyChain({ ...terms, monthlySalary: 6000 }, hash, chain(hash))).toEqual(['CONTENT_CHANGED']);
  });

  it('an altered or reordered event breaks the chain', () => {
    const hash = contentHash(terms);
    const events = chain(hash);
    events[1] = { ...events[1], payload: { contentHash: hash, at: '2026-06-02T00:00:00Z' } };
    expect(verifyChain(terms, hash, events)).toEqual(['EVENT_2_ALTERED']);
    expect(verifyChain(terms, hash, chain(hash).reverse())).toContain('EVENT_2_OUT_OF_ORDER');
  });
});

import { describe, expect, it } from 'vitest';
import { POSITIONS_INDEX } from '../positions-index';
import { type JudgedSet, judgedSetProblems, loadJudgedSet } from './judged-set';

describe('judged set', () => {
  const set = loadJudgedSet();

  it('is well-formed: known ids, grades 0..3, a relevant document for every non-negative query', () => {
    expect(judgedSetProblems(set)).toEqual([]);
  });

  it('is big enough to mean something: at least 50 queries and 20 positions, with negatives', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(50);
    expect(set.documents.length).toBeGreaterThanOrEqual(20);
    const kinds = new Set(set.queries.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['district', 'multi', 'negative', 'skill', 'synonym', 'title']);
  });

  it('holds documents with exactly the fields of the strict positions mapping', () => {
    const properties = POSITIONS_INDEX.mappings.properties!;
    // A copy_to target (districtText) is filled by Elasticsearch, never sent in a document.
    const copied = new Set(
      Object.values(properties).flatMap((p) => ('copy_to' in p ? [p.copy_to].flat() : [])),
    );
    const fields = Object.keys(properties)
      .filter((field) => !copied.has(field))
      .sort();
    for (const doc of set.documents) expect(Object.keys(doc).sort()).toEqual(fields);
  });

  it('names what is wrong with a broken set', () => {
    const broken: JudgedSet = {
      ...set,
      queries: [
        { id: 'x', q: '会计', kind: 'title', ratings: { nope: 4 } },
        { id: 'y', q: ' ', kind: 'title', ratings: {} },
      ],
    };
    expect(judgedSetProblems(broken)).toEqual([
      'x: rates unknown document nope',
      'x: grade 4 of nope is not 0..3',
      'y: empty query text',
      'y: no relevant document',
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PositionDocument } from '../positions-index';

export type QueryKind = 'title' | 'skill' | 'synonym' | 'district' | 'multi' | 'negative';

/** One judged query: the text a seeker types and the grade (0..3) of each judged document. */
export interface JudgedQuery {
  id: string;
  q: string;
  kind: QueryKind;
  /** Document id -> grade: 3 exactly what was asked, 2 closely related, 1 marginal, 0 judged not relevant. */
  ratings: Record<string, number>;
}

export interface JudgedSet {
  description: string;
  documents: PositionDocument[];
  queries: JudgedQuery[];
}

/** search/eval/judged-set.json, from either src/ (vitest) or dist/ (the built script). */
export const JUDGED_SET_PATH = join(__dirname, '..', '..', 'eval', 'judged-set.json');

export function loadJudgedSet(path = JUDGED_SET_PATH): JudgedSet {
  return JSON.parse(readFileSync(path, 'utf8')) as JudgedSet;
}

const KINDS: readonly QueryKind[] = ['title', 'skill', 'synonym', 'district', 'multi', 'negative'];

/** Everything wrong with a judged set, as sentences; empty when it is well-formed. */
export function judgedSetProblems(set: JudgedSet): string[] {
  const problems: string[] = [];
  const docIds = new Set(set.documents.map((d) => d.id));
  if (docIds.size !== set.documents.length) problems.push('document ids are not unique');
  const queryIds = new Set(set.queries.map((q) => q.id));
  if (queryIds.size !== set.queries.length) problems.push('query ids are not unique');
  for (const query of set.queries) {
    if (!query.q.trim()) problems.push(`${query.id}: empty query text`);
    if (!KINDS.includes(query.kind)) problems.push(`${query.id}: unknown kind ${query.kind}`);
    for (const [id, grade] of Object.entries(query.ratings)) {
      if (!docIds.has(id)) problems.push(`${query.id}: rates unknown document ${id}`);
      if (!Number.isInteger(grade) || grade < 0 || grade > 3)
        problems.push(`${query.id}: grade ${grade} of ${id} is not 0..3`);
    }
    const relevant = Object.values(query.ratings).some((grade) => grade > 0);
    if (query.kind === 'negative' && relevant)
      problems.push(`${query.id}: negative query with a relevant doc`);
    if (query.kind !== 'negative' && !relevant) problems.push(`${query.id}: no relevant document`);
  }
  return problems;
}

import type { estypes } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient } from './client';
import { dropIndicesMatching, ensureIndex } from './index-lifecycle';
import { JAVA_POSITION_QUERY } from './candidate-query.fixtures';
import { buildCandidateSearch, ResumeDocument, RESUMES_INDEX } from './resumes-index';

const client = createSearchClient({ url: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200' });
const prefix = `test_${process.pid}_${Date.now().toString(36)}_cand`;
let index: string;

const resume = (userId: string, fields: Partial<ResumeDocument>): ResumeDocument => ({
  userId,
  headline: '',
  summary: '',
  skills: [],
  majors: [],
  experienceText: '',
  certificates: [],
  expectedTitle: '',
  expectedDistricts: ['南岸区'],
  salaryMin: 20000,
  salaryMax: 30000,
  highestEducation: 'secondary',
  educationRank: 1,
  experienceYears: 0,
  cohort: 2018,
  university: null,
  keyGroups: [],
  updatedAt: '2026-11-20T00:00:00.000Z',
  ...fields,
});

const RESUMES = [
  // The strongest text match, and none of the position's fit.
  resume('text-only', {
    headline: 'Java开发工程师',
    skills: ['Java', 'Spring', 'MySQL'],
    experienceText: 'Java开发 Spring MySQL 微服务',
  }),
  // A little less text, and every fit bonus.
  resume('fits', {
    headline: 'Java开发工程师',
    skills: ['Java', 'Spring'],
    expectedDistricts: ['渝北区'],
    salaryMin: 8000,
    salaryMax: 11000,
    highestEducation: 'bachelor',
    educationRank: 3,
    cohort: 2025,
  }),
  // Every fit bonus and no shared word: a bonus never makes a candidate.
  resume('fit-no-text', {
    headline: '会计',
    skills: ['财务软件'],
    expectedDistricts: ['渝北区'],
    salaryMin: 8000,
    salaryMax: 11000,
    educationRank: 3,
    cohort: 2025,
  }),
  ...Array.from({ length: 8 }, (_, i) =>
    resume(`other-${i}`, { headline: i % 2 ? '销售代表' : 'Java测试', skills: i % 3 ? ['Excel'] : ['Java'] }),
  ),
];

const QUERY = { ...JAVA_POSITION_QUERY, size: 20 };

beforeAll(async () => {
  index = await ensureIndex(client, prefix, RESUMES_INDEX);
  await client.bulk({
    refresh: true,
    operations: RESUMES.flatMap((r) => [{ index: { _index: index, _id: r.userId } }, r]),
  });
});
afterAll(async () => {
  await dropIndicesMatching(client, `${prefix}_*`);
  await client.close();
});

const hits = async (request: estypes.SearchRequest) =>
  (await client.search({ index, ...request })).hits.hits.map((h) => ({ id: h._id, score: h._score }));

/** The same request with the bonuses as optional clauses of one query, scored over every match. */
function bonusesInTheQuery(request: estypes.SearchRequest): estypes.SearchRequest {
  const rescore = request.rescore as estypes.SearchRescore;
  return {
    size: request.size,
    query: { bool: { must: [request.query!], should: rescore.query!.rescore_query.bool!.should } },
  };
}

describe('candidate search on a real node', () => {
  it('adds the fit bonuses to the text score: the same scores as bonuses scored over every match', async () => {
    const request = buildCandidateSearch(QUERY);
    const rescored = await hits(request);
    const whole = await hits(bonusesInTheQuery(request));
    expect(rescored.map((h) => h.id).sort()).toEqual(whole.map((h) => h.id).sort());
    for (const hit of rescored) expect(hit.score).toBeCloseTo(whole.find((w) => w.id === hit.id)!.score!, 4);
  });

  it('lets the fit reorder text matches but never makes a resume without a shared word a candidate', async () => {
    const ids = (await hits(buildCandidateSearch(QUERY))).map((h) => h.id);
    expect(ids.indexOf('fits')).toBeLessThan(ids.indexOf('text-only'));
    expect(ids).not.toContain('fit-no-text');
    expect(ids).not.toContain('other-1'); // 销售代表 with Excel: nothing in common
  });

  it('leaves out the resumes it is told to', async () => {
    const ids = (await hits(buildCandidateSearch({ ...QUERY, exclude: ['fits'] }))).map((h) => h.id);
    expect(ids).toContain('text-only');
    expect(ids).not.toContain('fits');
  });
});

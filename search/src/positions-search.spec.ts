import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient } from './client';
import { dropIndicesMatching, ensureIndex } from './index-lifecycle';
import { readPositionFacets } from './position-facets';
import { buildTitleSuggest, readTitleSuggestions } from './position-suggestions';
import {
  POSITION_RESULT_FIELDS,
  PositionDocument,
  PositionQuery,
  POSITIONS_INDEX,
  searchPositions,
} from './positions-index';

const client = createSearchClient({ url: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200' });
const prefix = `test_${process.pid}_${Date.now().toString(36)}`;
let index: string;

const doc = (id: string, fields: Partial<PositionDocument>): PositionDocument => ({
  id,
  fairId: 'f1',
  sessionIds: [],
  employerId: 'e1',
  employerName: '重庆山城科技有限公司',
  title: '岗位',
  category: 'it',
  duties: '',
  requirements: '',
  district: '江北区',
  industry: '信息技术',
  unitType: 'private',
  salaryMin: 6000,
  salaryMax: 9000,
  education: 'bachelor',
  experienceYears: 0,
  graduateSuitable: true,
  isKeyEnterprise: false,
  headcount: 1,
  publishedAt: '2026-11-20T00:00:00.000Z',
  ...fields,
});

const DOCS = [
  doc('yubei-dev', {
    title: '软件开发工程师',
    district: '渝北区',
    salaryMax: 12000,
    requirements: '熟悉 Java',
  }),
  doc('jiangbei-dev', { title: '软件开发工程师', district: '江北区', requirements: '熟悉 Go' }),
  doc('yubei-accountant', { title: '会计', district: '渝北区', isKeyEnterprise: true, experienceYears: 3 }),
  doc('engineer', { title: '软件工程师', district: '南岸区', requirements: '负责后台<b>服务</b>' }),
  // Twelve more distinct titles beginning with 软件, for the suggestion limit.
  ...Array.from({ length: 12 }, (_, i) => doc(`extra-${i}`, { title: `软件测试专员${i}` })),
];

beforeAll(async () => {
  index = await ensureIndex(client, prefix, POSITIONS_INDEX);
  await client.bulk({
    refresh: true,
    operations: DOCS.flatMap((d) => [{ index: { _index: index, _id: d.id } }, d]),
  });
});
afterAll(async () => {
  await dropIndicesMatching(client, `${prefix}_*`);
  await client.close();
});

async function search(query: Partial<PositionQuery>) {
  const response = await searchPositions(client, index, { sort: 'relevance', size: 20, ...query });
  return {
    ids: response.hits.map((hit) => hit._id),
    total: response.total,
    highlights: Object.fromEntries(response.hits.map((hit) => [hit._id, hit.highlight ?? {}])),
    facets: readPositionFacets(response.aggregations),
  };
}

describe('position search on a real node (index v2)', () => {
  it('spreads the words of a query over title and district: "软件 开发 渝北" finds the one in 渝北区', async () => {
    const { ids, highlights } = await search({ q: '软件 开发 渝北' });
    expect(ids).toEqual(['yubei-dev']);
    expect(highlights['yubei-dev'].districtText).toEqual(['<em>渝北</em>区']);
    expect(highlights['yubei-dev'].title[0]).toContain('<em>软件</em>');
  });

  it('counts every match exactly while the page holds only the top hits and their shown fields', async () => {
    const { ids, total } = await search({ q: '软件', size: 3 });
    expect(ids).toHaveLength(3);
    expect(total).toBe(15);
    const page = await searchPositions(client, index, { q: '软件', sort: 'relevance', size: 3 });
    expect(Object.keys(page.hits[0]._source!).sort()).toEqual([...POSITION_RESULT_FIELDS].sort());
  });

  it('fails the whole search when either half fails', async () => {
    await expect(
      searchPositions(client, `${prefix}_missing`, { q: '软件', sort: 'relevance', size: 3 }),
    ).rejects.toThrow(/position search failed/);
  });

  it('still requires every word to match somewhere', async () => {
    expect((await search({ q: '软件 开发 巴南' })).ids).toEqual([]);
  });

  it('highlights a hit that came through a synonym (程序员 marks 软件工程师)', async () => {
    const { ids, highlights } = await search({ q: '程序员' });
    expect(ids).toContain('engineer');
    expect(highlights.engineer.title).toEqual(['<em>软件工程师</em>']);
  });

  it('highlights a synonym word while another word matched the district', async () => {
    const { ids, highlights } = await search({ q: '程序员 渝北' });
    expect(ids).toEqual(['yubei-dev']);
    expect(highlights['yubei-dev'].title[0]).toContain('<em>');
  });

  it('counts salary floors, experience ceilings and key enterprises among the hits', async () => {
    const { facets } = await search({ q: '渝北' });
    expect(facets.salary).toEqual([
      { value: '3000', count: 2 },
      { value: '5000', count: 2 },
      { value: '8000', count: 2 },
      { value: '10000', count: 1 },
    ]);
    expect(facets.experience).toEqual([
      { value: '0', count: 1 },
      { value: '1', count: 1 },
      { value: '3', count: 2 },
      { value: '5', count: 2 },
    ]);
    expect(facets.keyEnterprise).toEqual([{ value: 'true', count: 1 }]);
    expect(facets.district).toEqual([{ value: '渝北区', count: 2 }]);
  });
});

describe('title suggestions on a real node', () => {
  const suggest = async (prefix: string) =>
    readTitleSuggestions(await client.search({ index, ...buildTitleSuggest(prefix) }));

  it('suggests distinct titles that begin with what was typed, at most ten', async () => {
    const titles = await suggest('软件');
    expect(titles).toHaveLength(10);
    expect(new Set(titles).size).toBe(10);
    expect(titles.every((t) => t.startsWith('软件'))).toBe(true);
    expect(await suggest('软件开')).toEqual(['软件开发工程师']);
  });

  it('suggests nothing for a prefix no title has', async () => {
    expect(await suggest('飞行员')).toEqual([]);
  });
});

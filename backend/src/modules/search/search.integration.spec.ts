import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  employer,
  organizer,
  positionInput,
  runningFair,
  submittedPosition,
} from '../../test-support/fair-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { searchOutbox } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { SearchSync } from './search-sync.service';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
let fairId: string;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
  fairId = (await runningFair(org)).id;
});
afterAll(() => t.close());

const search = (query: string) =>
  t.app.inject({ method: 'GET', url: `/api/search/positions?fairId=${fairId}&${query}` });
const drain = (app = t) => app.app.get(SearchSync).drainAll();

async function published(fields: Record<string, unknown>, unitInput: Record<string, unknown> = {}) {
  const unit = await employer(t.app, org, { input: unitInput });
  await unit.call('POST', `/api/employers/me/fairs/${fairId}`);
  const { id } = await submittedPosition(unit.call, fairId, fields);
  await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
  return { unit, id };
}

describe('positions in Elasticsearch, kept in sync through the outbox', () => {
  it('finds a published position by its words, highlighted, and by its new words after an edit', async () => {
    const { unit, id } = await published({
      title: '嵌入式软件工程师',
      requirements: '熟悉 C 语言与单片机开发。',
    });
    await drain();
    const found = (await search(`q=${encodeURIComponent('嵌入式 软件')}`)).json();
    expect(found.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(found.items.find((p: { id: string }) => p.id === id).highlight.title[0]).toContain('<em>');

    await unit.call('PUT', `/api/positions/${id}`, positionInput(fairId, { title: '物联网硬件工程师' }));
    await drain();
    expect(
      (await search(`q=${encodeURIComponent('嵌入式')}`)).json().items.map((p: { id: string }) => p.id),
    ).not.toContain(id);
    await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
    await drain();
    expect(
      (await search(`q=${encodeURIComponent('物联网')}`)).json().items.map((p: { id: string }) => p.id),
    ).toEqual([id]);
  });

  it('with Elasticsearch unreachable, edits still succeed and appear once it answers again (nothing lost)', async () => {
    const offline = await startTestApp({ ELASTICSEARCH_URL: 'http://127.0.0.1:9' });
    try {
      const { id } = await published({ title: '离线期间发布的会计岗位' });
      const stillPending = await t.app.get(SearchSync).pending(id);
      expect(stillPending).toBeGreaterThan(0);
      await expect(offline.app.get(SearchSync).drain()).rejects.toThrow();
      expect(await t.app.get(SearchSync).pending(id)).toBe(stillPending);
      // The job's concurrent drain: every lane's batch fails and rolls back, nothing is forgotten.
      await expect(offline.app.get(SearchSync).drainUntilEmpty(1, 2)).rejects.toThrow();
      expect(await t.app.get(SearchSync).pending(id)).toBe(stillPending);
      const down = await offline.app.inject({ method: 'GET', url: '/api/search/positions?q=会计' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({
        code: 'SEARCH_UNAVAILABLE',
        message: expect.stringContaining('搜索服务暂不可用'),
      });

      await drain();
      expect(await t.app.get(SearchSync).pending(id)).toBe(0);
      expect(
        (await search(`q=${encodeURIComponent('离线期间')}`)).json().items.map((p: { id: string }) => p.id),
      ).toEqual([id]);
    } finally {
      await offline.close();
    }
  });

  it('drains many small batches two at a time: each row indexed or deleted once acknowledged, none left', async () => {
    const ids: string[] = [];
    for (const n of ['一', '二', '三']) ids.push((await published({ title: `并行排空测试岗位${n}` })).id);
    const neverExisted = randomUUID();
    // Each position twice (two writes before a drain) and one id to delete: more rows than lanes.
    await t.app
      .get<Database>(DATABASE)
      .insert(searchOutbox)
      .values([...ids, ...ids, neverExisted].map((entityId) => ({ entity: 'position' as const, entityId })));
    const sync = t.app.get(SearchSync);
    await sync.drainUntilEmpty(2, 2);
    for (const id of [...ids, neverExisted]) expect(await sync.pending(id)).toBe(0);
    await drain();
    const found = (await search(`q=${encodeURIComponent('并行排空')}`)).json();
    expect(found.items.map((p: { id: string }) => p.id).sort()).toEqual([...ids].sort());
  });

  it('applies job-title synonyms, filters, facets and puts key enterprises first among equals', async () => {
    const plain = await published({
      title: '软件工程师',
      district: '江北区',
      salaryMin: 7000,
      salaryMax: 9000,
    });
    const key = await published({
      title: '软件工程师',
      district: '江北区',
      salaryMin: 7000,
      salaryMax: 9000,
    });
    await org.call('PATCH', `/api/employers/${key.unit.id}/flags`, { isKeyEnterprise: true });
    await drain();
    const bySynonym = (
      await search(`q=${encodeURIComponent('程序员')}&district=${encodeURIComponent('江北区')}`)
    ).json();
    const ids = bySynonym.items.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([plain.id, key.id]));
    // The hit came through the synonym, and the highlight shows which words stood for it.
    expect(bySynonym.items.find((p: { id: string }) => p.id === plain.id).highlight.title).toEqual([
      '<em>软件工程师</em>',
    ]);
    expect(ids.indexOf(key.id)).toBeLessThan(ids.indexOf(plain.id));
    expect(bySynonym.facets.district).toEqual(
      expect.arrayContaining([{ value: '江北区', count: expect.any(Number) }]),
    );
    const outOfRange = (
      await search(
        `q=${encodeURIComponent('软件工程师')}&district=${encodeURIComponent('江北区')}&salaryFrom=20000`,
      )
    ).json();
    expect(outOfRange.total).toBe(0);
  });

  it('pages with a cursor and answers bad input with 200 or a stable 400, never a 500', async () => {
    for (let i = 0; i < 3; i++) await published({ title: `分页测试岗位${i}` });
    await drain();
    const first = (await search(`q=${encodeURIComponent('分页测试')}&size=2&sort=newest`)).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await search(`q=${encodeURIComponent('分页测试')}&size=2&sort=newest&after=${first.next}`)
    ).json();
    expect(second.items.map((p: { id: string }) => p.id)).not.toContain(first.items[0].id);

    expect((await search(`q=${encodeURIComponent('！？。，')}`)).statusCode).toBe(200);
    expect((await search(`q=${encodeURIComponent('软'.repeat(1000))}`)).statusCode).toBe(200);
    expect((await search('education=phd')).json().code).toBe('VALIDATION_FAILED');
    expect((await search('salaryFrom=-5')).json().code).toBe('VALIDATION_FAILED');
    expect((await search('salaryFrom=9000&salaryTo=100')).json().code).toBe('VALIDATION_FAILED');
    expect((await search('after=not-a-cursor')).json().code).toBe('VALIDATION_FAILED');
    expect((await search('unknown=1')).json().code).toBe('VALIDATION_FAILED');
  });
});

describe('words spread over fields, facets and title suggestions', () => {
  it('finds "软件 开发 渝北": 软件开发 in the title, 渝北 in the district, all highlighted', async () => {
    const yubei = await published({
      title: '软件开发工程师',
      district: '渝北区',
      salaryMin: 8000,
      salaryMax: 12000,
    });
    const jiangbei = await published({ title: '软件开发工程师', district: '江北区' });
    await drain();
    const found = (await search(`q=${encodeURIComponent('软件 开发 渝北')}`)).json();
    const ids = found.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(yubei.id);
    expect(ids).not.toContain(jiangbei.id);
    const hit = found.items.find((p: { id: string }) => p.id === yubei.id);
    expect(hit.highlight.title[0]).toContain('<em>软件</em>');
    expect(hit.highlight.districtText).toEqual(['<em>渝北</em>区']);
    expect(found.facets.salary).toEqual(
      expect.arrayContaining([{ value: '10000', count: expect.any(Number) }]),
    );

    const narrowed = (await search(`q=${encodeURIComponent('软件 开发 渝北')}&salaryFrom=10000`)).json();
    expect(narrowed.items.map((p: { id: string }) => p.id)).toContain(yubei.id);
    expect(narrowed.items.every((p: { salaryMax: number }) => p.salaryMax >= 10000)).toBe(true);
  });

  it('suggests distinct published titles as the user types, publicly, and refuses bad input with a 400', async () => {
    const word = `联调${Date.now().toString(36)}`;
    await published({ title: `${word}数据工程师` });
    await published({ title: `${word}数据工程师` });
    const draft = await employer(t.app, org);
    await draft.call('POST', `/api/employers/me/fairs/${fairId}`);
    await submittedPosition(draft.call, fairId, { title: `${word}未发布岗位` });
    await drain();
    const suggest = (q: string) =>
      t.app.inject({ method: 'GET', url: `/api/search/positions/suggestions?q=${encodeURIComponent(q)}` });

    const answer = await suggest(word);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ titles: [`${word}数据工程师`] });
    expect((await suggest('！？')).json()).toEqual({ titles: [] });
    for (const url of [
      '/api/search/positions/suggestions',
      `/api/search/positions/suggestions?q=${encodeURIComponent('软'.repeat(51))}`,
      '/api/search/positions/suggestions?q=java&size=5',
    ]) {
      const bad = await t.app.inject({ method: 'GET', url });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('reindex', () => {
  it('upgrades an index built from an older definition version at start-up, from PostgreSQL', async () => {
    const { SEARCH_CLIENT } = await import('../../infra/search/search.module');
    const { indicesOfAlias, indexVersion, swapAlias, POSITIONS_INDEX } = await import('@platform/search');
    const { id } = await published({ title: '版本升级验证岗位' });
    await drain();
    const client = t.app.get(SEARCH_CLIENT);
    const sync = t.app.get(SearchSync);
    const old = `${sync.alias}_v1_20200101000000000`;
    await client.indices.create({ index: old, mappings: { properties: { title: { type: 'text' } } } });
    await swapAlias(client, sync.alias, old);

    expect(await sync.upgradeIndex()).toBe(true);
    const [current] = await indicesOfAlias(client, sync.alias);
    expect(indexVersion(current)).toBe(POSITIONS_INDEX.version);
    expect(await client.indices.exists({ index: old })).toBe(false);
    expect(
      (await search(`q=${encodeURIComponent('版本升级')}`)).json().items.map((p: { id: string }) => p.id),
    ).toEqual([id]);
    expect(await sync.upgradeIndex()).toBe(false);
  });

  it('rebuilds into a new index and swaps the alias while searches keep answering', async () => {
    const { reindexPositions } = await import('./reindex');
    const { SEARCH_CLIENT } = await import('../../infra/search/search.module');
    const { DATABASE } = await import('../../infra/database/database');
    const { indicesOfAlias } = await import('@platform/search');
    const { id } = await published({ title: '重建索引验证岗位' });
    await drain();
    const client = t.app.get(SEARCH_CLIENT);
    const alias = t.app.get(SearchSync).alias;
    const before = await indicesOfAlias(client, alias);

    let searching = true;
    const answers: number[] = [];
    const poll = (async () => {
      while (searching) answers.push((await search(`q=${encodeURIComponent('重建索引')}`)).statusCode);
    })();
    const result = await reindexPositions(t.app.get(DATABASE), client, t.config.SEARCH_INDEX_PREFIX);
    searching = false;
    await poll;

    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(await indicesOfAlias(client, alias)).toEqual([result.index]);
    expect(result.previous).toEqual(before);
    expect(
      (await search(`q=${encodeURIComponent('重建索引')}`)).json().items.map((p: { id: string }) => p.id),
    ).toEqual([id]);
  });
});

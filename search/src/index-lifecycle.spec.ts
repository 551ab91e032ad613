import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient, describeEngine } from './client';
import {
  aliasName,
  createVersionedIndex,
  dropIndices,
  dropIndicesMatching,
  ensureIndex,
  indexVersion,
  indicesOfAlias,
  IndexDefinition,
  physicalIndexName,
  staleIndices,
  swapAlias,
} from './index-lifecycle';

const client = createSearchClient({ url: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200' });
const prefix = `test_${process.pid}_${Date.now().toString(36)}`;
const definition: IndexDefinition = {
  name: 'notes',
  version: 1,
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: { properties: { title: { type: 'text' }, tag: { type: 'keyword' } } },
};

describe('physicalIndexName', () => {
  it('names the alias, the version and a sortable creation stamp', () => {
    expect(physicalIndexName('p', definition, new Date('2026-11-23T08:09:10.123Z'))).toBe(
      'p_notes_v1_20261123080910123',
    );
  });
});

describe('indexVersion', () => {
  it('reads the version back from a physical name, and null from a name that is not ours', () => {
    expect(indexVersion(physicalIndexName('p', { ...definition, version: 7 }))).toBe(7);
    expect(indexVersion('p_notes')).toBeNull();
  });
});

describe('index and alias lifecycle on a real Elasticsearch node', () => {
  beforeAll(async () => {
    await dropIndicesMatching(client, `${prefix}_*`);
  });
  afterAll(async () => {
    await dropIndicesMatching(client, `${prefix}_*`);
    await client.close();
  });

  it('talks to Elasticsearch 8.x itself', async () => {
    const engine = await describeEngine(client);
    expect(engine.version).toMatch(/^8\./);
    expect(engine.tagline).toBe('You Know, for Search');
    expect(['green', 'yellow']).toContain(engine.status);
    console.info(
      `[search] real Elasticsearch ${engine.version} "${engine.tagline}" cluster=${engine.clusterName} ${engine.status}`,
    );
  });

  it('creates the first index behind the alias once, and again returns the same index', async () => {
    const first = await ensureIndex(client, prefix, definition);
    const second = await ensureIndex(client, prefix, definition);
    expect(second).toBe(first);
    expect(await indicesOfAlias(client, aliasName(prefix, definition))).toEqual([first]);
  });

  it('rebuilds into a new index and swaps the alias so readers never see an empty alias', async () => {
    const alias = aliasName(prefix, definition);
    const [old] = await indicesOfAlias(client, alias);
    await client.index({ index: alias, id: 'a', document: { title: 'old copy', tag: 'x' }, refresh: true });

    const rebuilt = await createVersionedIndex(client, prefix, { ...definition, version: 2 });
    await client.bulk({
      refresh: true,
      operations: [
        { index: { _index: rebuilt, _id: 'a' } },
        { title: 'new copy', tag: 'x' },
        { index: { _index: rebuilt, _id: 'b' } },
        { title: 'another', tag: 'y' },
      ],
    });
    const before = await client.count({ index: alias });
    const { previous } = await swapAlias(client, alias, rebuilt);
    const after = await client.count({ index: alias });

    expect(previous).toEqual([old]);
    expect(before.count).toBe(1);
    expect(after.count).toBe(2);
    expect(await indicesOfAlias(client, alias)).toEqual([rebuilt]);

    // Writes through the alias land in the new index.
    await client.index({ index: alias, id: 'c', document: { title: 'via alias', tag: 'z' }, refresh: true });
    expect((await client.count({ index: rebuilt })).count).toBe(3);
  });

  it('lists and drops the indices no alias points at any more', async () => {
    const stale = await staleIndices(client, prefix, definition);
    expect(stale).toHaveLength(1);
    await dropIndices(client, stale);
    expect(await staleIndices(client, prefix, definition)).toEqual([]);
    expect((await client.count({ index: aliasName(prefix, definition) })).count).toBe(3);
  });
});

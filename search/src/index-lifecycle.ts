import type { estypes } from '@elastic/elasticsearch';
import type { SearchClient } from './client';

/** An index's settings and mappings, with the version that names its physical indices. */
export interface IndexDefinition {
  /** Logical name without prefix, e.g. "positions"; the alias is `${prefix}_${name}`. */
  name: string;
  /** Bumped whenever mappings or analysis change incompatibly. */
  version: number;
  settings?: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

export function aliasName(prefix: string, definition: Pick<IndexDefinition, 'name'>): string {
  return `${prefix}_${definition.name}`;
}

/**
 * Physical names carry the definition version and a creation stamp, so a rebuild of the same
 * version gets a fresh index and the alias can swap to it without downtime.
 */
export function physicalIndexName(
  prefix: string,
  definition: IndexDefinition,
  stamp: Date = new Date(),
): string {
  const ts = stamp
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 17);
  return `${aliasName(prefix, definition)}_v${definition.version}_${ts}`;
}

/** The definition version a physical index was built from, read back from its name (null if not ours). */
export function indexVersion(index: string): number | null {
  const match = /_v(\d+)_\d{17}$/.exec(index);
  return match ? Number(match[1]) : null;
}

export async function createVersionedIndex(
  client: SearchClient,
  prefix: string,
  definition: IndexDefinition,
  stamp?: Date,
): Promise<string> {
  const index = physicalIndexName(prefix, definition, stamp);
  await client.indices.create({ index, settings: definition.settings, mappings: definition.mappings });
  return index;
}

/** Indices the alias points at now (normally one). */
export async function indicesOfAlias(client: SearchClient, alias: string): Promise<string[]> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists) return [];
  const response = await client.indices.getAlias({ name: alias });
  return Object.keys(response).sort();
}

/** Points the alias at `index` and away from every other index in one atomic request. */
export async function swapAlias(
  client: SearchClient,
  alias: string,
  index: string,
): Promise<{ previous: string[] }> {
  const previous = (await indicesOfAlias(client, alias)).filter((name) => name !== index);
  const actions: estypes.IndicesUpdateAliasesAction[] = [
    ...previous.map((name) => ({ remove: { index: name, alias } })),
    { add: { index, alias, is_write_index: true } },
  ];
  await client.indices.updateAliases({ actions });
  return { previous };
}

/** Physical indices of this definition that no alias points at any more. */
export async function staleIndices(
  client: SearchClient,
  prefix: string,
  definition: IndexDefinition,
): Promise<string[]> {
  const alias = aliasName(prefix, definition);
  const live = new Set(await indicesOfAlias(client, alias));
  const all = await client.cat.indices({ index: `${alias}_v*`, format: 'json', h: 'index' });
  return all
    .map((row) => row.index!)
    .filter((name) => !live.has(name))
    .sort();
}

export async function dropIndices(client: SearchClient, indices: string[]): Promise<void> {
  if (indices.length) await client.indices.delete({ index: indices, ignore_unavailable: true });
}

/** Creates the index behind the alias when the alias does not exist yet; idempotent. */
export async function ensureIndex(
  client: SearchClient,
  prefix: string,
  definition: IndexDefinition,
): Promise<string> {
  const alias = aliasName(prefix, definition);
  const current = await indicesOfAlias(client, alias);
  if (current.length) return current[0];
  const index = await createVersionedIndex(client, prefix, definition);
  await swapAlias(client, alias, index);
  return index;
}

/** Deletes every index matching a pattern by name: clusters refuse wildcard deletes by default. */
export async function dropIndicesMatching(client: SearchClient, pattern: string): Promise<string[]> {
  const rows = await client.cat.indices({
    index: pattern,
    format: 'json',
    h: 'index',
    expand_wildcards: 'all',
  });
  const names = rows.map((row) => row.index!).filter(Boolean);
  await dropIndices(client, names);
  return names;
}

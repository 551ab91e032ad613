import type { AgencyPeriodInput } from '@platform/contracts';
import { canonicalJson, SliceIndex } from './subsidy-engine';

/**
 * The canonical JSON (canonicalJson) of each line's stored slice (sliceForLine) for a chunk's
 * input. The input is copied once with every object's keys in sorted order and grouped once by
 * worker (SliceIndex writes its own objects in sorted key order), so a line's slice is a few map
 * reads serialised by the native JSON.stringify, not a scan of the chunk and a key-by-key writer.
 */
export function canonicalSlices(input: AgencyPeriodInput): (lineKey: string) => string {
  const sorted = sortedKeys(input);
  if (sorted !== undefined) {
    const index = new SliceIndex(sorted);
    return (lineKey) => JSON.stringify(index.forLine(lineKey));
  }
  // A key that insertion order cannot place (an integer-like key, e.g. in category evidence).
  const index = new SliceIndex(input);
  return (lineKey) => canonicalJson(index.forLine(lineKey));
}

const INTEGER_LIKE = /^(0|[1-9]\d*)$/;

/**
 * A copy of JSON data with every object's keys in sorted order and undefined members left out,
 * so JSON.stringify of it is canonicalJson of the data; undefined when that cannot be (an
 * integer-like key, which objects always put first, or an undefined array element).
 */
export function sortedKeys<T>(value: T): T | undefined {
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) return undefined;
      const item = sortedKeys(value[i]);
      if (item === undefined) return undefined;
      out[i] = item;
    }
    return out as T;
  }
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    if (INTEGER_LIKE.test(key)) return undefined;
    const copy = sortedKeys(item);
    if (copy === undefined) return undefined;
    out[key] = copy;
  }
  return out as T;
}

/**
 * The pure Algorithm 1 engine (contracts, built by the engine work) as this module uses it:
 * one place to import it from, and the stable hash of a stored input slice.
 */
import { hash } from 'node:crypto';
export {
  AGENCY_SUBSIDY_REASON_CODES,
  evaluateAgencyPeriod,
  replayLine,
  SliceIndex,
  sliceForLine,
} from '@platform/contracts';

/**
 * JSON with sorted keys, so the same slice always hashes the same (jsonb reorders keys). Written
 * with loops, not map/filter/join: it runs for every line of a period.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) out += ',';
      // An element JSON cannot write (undefined) is left empty, as Array.join leaves it.
      out += canonicalJson(value[i]) ?? '';
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return out + '}';
}

export function hashSlice(slice: unknown): string {
  return hashCanonical(canonicalJson(slice));
}

/** The hash of a slice already written as canonical JSON (one serialisation for storing and hashing). */
export function hashCanonical(json: string): string {
  // The one-shot hash: no Hash object per line.
  return hash('sha256', json, 'hex');
}

/**
 * The pure Algorithm 1 engine (contracts, built by the engine work) as this module uses it:
 * one place to import it from, and the stable hash of a stored input slice.
 */
import { createHash } from 'node:crypto';
export {
  AGENCY_SUBSIDY_REASON_CODES,
  evaluateAgencyPeriod,
  replayLine,
  sliceForLine,
} from '@platform/contracts';

/** JSON with sorted keys, so the same slice always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function hashSlice(slice: unknown): string {
  return createHash('sha256').update(canonicalJson(slice)).digest('hex');
}

import { createHash } from 'node:crypto';

/**
 * The tamper evidence of an agreement: the terms hash to a content hash, and every event
 * (creation, each signature, revocation) is chained to the previous one. Changing the terms,
 * an event or its order breaks verification.
 */
export const GENESIS = '0'.repeat(64);

/** JSON with sorted keys, so the same terms always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function contentHash(terms: unknown): string {
  return sha256(canonicalJson(terms));
}

export interface ChainEvent {
  seq: number;
  kind: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export function eventHash(prevHash: string, seq: number, kind: string, payload: unknown): string {
  return sha256(`${prevHash}|${seq}|${kind}|${canonicalJson(payload)}`);
}

/** Every problem found; none means the stored terms and events are exactly what was signed. */
export function verifyChain(terms: unknown, storedContentHash: string, events: ChainEvent[]): string[] {
  const problems: string[] = [];
  if (contentHash(terms) !== storedContentHash) problems.push('CONTENT_CHANGED');
  let prev = GENESIS;
  events.forEach((event, index) => {
    if (event.seq !== index + 1) problems.push(`EVENT_${index + 1}_OUT_OF_ORDER`);
    if (event.prevHash !== prev || event.hash !== eventHash(prev, event.seq, event.kind, event.payload))
      problems.push(`EVENT_${event.seq}_ALTERED`);
    const signed = (event.payload as { contentHash?: string }).contentHash;
    if (signed && signed !== storedContentHash) problems.push(`EVENT_${event.seq}_SIGNED_OTHER_CONTENT`);
    prev = event.hash;
  });
  return problems;
}

/**
 * Interview minutes (recruitment.md §2.8.1, §3.2, AS-28): every employer gets at least 300 free
 * minutes (S3:3740-3742; per employer is [INFERRED], §6.4). The quota is configuration
 * (INTERVIEW_FREE_MINUTES); a charge beyond it follows the agency's price list (out of scope).
 */
export const MINUTES_POLICY_VERSION = 'interview-minutes-2020-v1';

export interface Segment {
  from: number;
  to: number;
}

/** Merges overlapping segments (reconnects of one person) into disjoint, sorted ones. */
export function unionOf(segments: Segment[]): Segment[] {
  const sorted = segments.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Billable seconds of a 1:1 call: only the time both sides were in it, so waiting alone in the
 * lobby, or a blip where one side dropped out, costs the employer nothing.
 */
export function sharedSeconds(host: Segment[], guest: Segment[]): number {
  const a = unionOf(host);
  const b = unionOf(guest);
  let ms = 0;
  for (const x of a)
    for (const y of b) {
      const overlap = Math.min(x.to, y.to) - Math.max(x.from, y.from);
      if (overlap > 0) ms += overlap;
    }
  return Math.floor(ms / 1000);
}

/** Minutes are counted per started minute, as telephone minutes are; a call under 1 s costs none. */
export function billableMinutes(seconds: number): number {
  return seconds <= 0 ? 0 : Math.ceil(seconds / 60);
}

export interface MinutesAllocation {
  usedBefore: number;
  callMinutes: number;
  freeMinutes: number;
  beyondQuotaMinutes: number;
  usedAfter: number;
  quota: number;
  policyVersion: string;
}

/** AS-28: of a call that crosses the quota, only the minutes up to the quota are free. */
export function allocateMinutes(usedBefore: number, callMinutes: number, quota: number): MinutesAllocation {
  const freeLeft = Math.max(0, quota - usedBefore);
  const freeMinutes = Math.min(freeLeft, callMinutes);
  return {
    usedBefore,
    callMinutes,
    freeMinutes,
    beyondQuotaMinutes: callMinutes - freeMinutes,
    usedAfter: usedBefore + callMinutes,
    quota,
    policyVersion: MINUTES_POLICY_VERSION,
  };
}

export interface QuotaStatus {
  quota: number;
  used: number;
  remaining: number;
  exhausted: boolean;
}

export function quotaStatus(used: number, quota: number): QuotaStatus {
  const remaining = Math.max(0, quota - used);
  return { quota, used, remaining, exhausted: remaining === 0 };
}

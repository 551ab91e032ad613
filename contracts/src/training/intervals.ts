/** Half-open time intervals in epoch milliseconds, and the few set operations completion needs. */
export interface Interval {
  start: number;
  end: number;
}

export const MINUTE = 60_000;
/** China has kept UTC+8 without daylight saving since 1991, so a day boundary is a fixed offset. */
const SHANGHAI_OFFSET = 8 * 60 * MINUTE;
const DAY = 24 * 60 * MINUTE;

export const length = (i: Interval) => Math.max(0, i.end - i.start);
export const total = (intervals: Interval[]) => intervals.reduce((sum, i) => sum + length(i), 0);

export function intersect(a: Interval, b: Interval): Interval | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? { start, end } : null;
}

/** `a` minus every interval of `cut` (which may overlap each other). */
export function subtract(a: Interval, cut: Interval[]): Interval[] {
  let pieces = [a];
  for (const c of cut)
    pieces = pieces.flatMap((p) => {
      if (!intersect(p, c)) return [p];
      return [
        { start: p.start, end: Math.min(p.end, c.start) },
        { start: Math.max(p.start, c.end), end: p.end },
      ].filter((q) => q.end > q.start);
    });
  return pieces;
}

/** Midnight Asia/Shanghai of a YYYY-MM-DD day, as epoch ms. */
export function shanghaiMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET;
}

/** The Asia/Shanghai day (YYYY-MM-DD) an instant falls on. */
export function shanghaiDay(at: number): string {
  return new Date(at + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** The whole days from `first` to `last` inclusive, as one interval. */
export function daysInterval(first: string, last: string): Interval {
  return { start: shanghaiMidnight(first), end: shanghaiMidnight(last) + DAY };
}

/** Splits an interval at Asia/Shanghai midnights. */
export function splitByDay(i: Interval): { day: string; part: Interval }[] {
  const parts: { day: string; part: Interval }[] = [];
  for (let start = i.start; start < i.end;) {
    const day = shanghaiDay(start);
    const end = Math.min(i.end, shanghaiMidnight(day) + DAY);
    parts.push({ day, part: { start, end } });
    start = end;
  }
  return parts;
}

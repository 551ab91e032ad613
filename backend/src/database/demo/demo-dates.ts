import type { Prng } from './prng';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const shifted = new Map<string, string>();

/** A business date (YYYY-MM-DD) moved by whole days; memoised, as a large run asks millions of times. */
export function addDays(date: string, days: number): string {
  const key = `${date}${days}`;
  let result = shifted.get(key);
  if (result === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    result = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
    if (shifted.size > 100_000) shifted.clear();
    shifted.set(key, result);
  }
  return result;
}

/** The instant of a wall-clock time in Chongqing (UTC+8) on a business date. */
export function shanghaiTime(date: string, hour: number, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - SHANGHAI_OFFSET_MS);
}

/** A moment during office hours (08:30-18:30) on a day between `from` and `to`, both included. */
export function officeMoment(rng: Prng, from: string, to: string): Date {
  const span = Math.max(0, daysBetween(from, to));
  const minutes = rng.int(8 * 60 + 30, 18 * 60 + 30);
  return shanghaiTime(addDays(from, rng.int(0, span)), 0, minutes);
}

/** A later moment, `minMinutes`..`maxMinutes` after `at`, never after the end of `lastDay` (UTC+8). */
export function later(rng: Prng, at: Date, minMinutes: number, maxMinutes: number, lastDay: string): Date {
  const candidate = at.getTime() + rng.int(minMinutes, maxMinutes) * 60_000;
  const limit = shanghaiTime(addDays(lastDay, 1), 0).getTime() - 60_000;
  return new Date(Math.max(at.getTime(), Math.min(candidate, limit)));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

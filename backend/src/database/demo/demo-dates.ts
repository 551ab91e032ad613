import type { Prng } from './prng';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

// A large run asks for the same few hundred days millions of times: day numbers are memoised.
const dayNumbers = new Map<string, number>();
const dates = new Map<number, string>();

/** Days since 1970-01-01 of a business date (YYYY-MM-DD). */
function dayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    dayNumbers.set(date, day);
  }
  return day;
}

function dateOf(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

/** A business date moved by whole days. */
export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The business date (Asia/Shanghai) of an instant; the same as businessDate() of the contracts. */
export function shanghaiDate(at: Date): string {
  return dateOf(Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant of a wall-clock time in Chongqing (UTC+8) on a business date. */
export function shanghaiTime(date: string, hour: number, minute = 0): Date {
  return new Date(dayNumber(date) * DAY_MS + (hour * 60 + minute) * 60_000 - SHANGHAI_OFFSET_MS);
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
  const limit = (dayNumber(lastDay) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 60_000;
  return new Date(Math.max(at.getTime(), Math.min(candidate, limit)));
}

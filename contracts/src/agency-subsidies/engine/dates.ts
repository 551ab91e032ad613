/**
 * Business dates are YYYY-MM-DD strings, months YYYY-MM: string order is calendar order.
 * Integer arithmetic rather than Date objects: the engine runs these per placement (bench: 1M).
 * Same semantics as fairs/fair-phase addMonths (clamped to the month's last day).
 */
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Calendar months, clamped to the month's last day: 2020-11-30 + 3 months = 2021-02-28. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${year}-${pad2(month)}-${pad2(Math.min(d, daysIn(year, month)))}`;
}

export function addDays(date: string, days: number): string {
  let [y, m, d] = parts(date);
  d += days;
  while (d > daysIn(y, m)) {
    d -= daysIn(y, m);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  while (d < 1) {
    if (--m < 1) [y, m] = [y - 1, 12];
    d += daysIn(y, m);
  }
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** "2020-03" + n months. */
export function shiftMonth(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${year}-${pad2(index - year * 12 + 1)}`;
}

/** On or before a deadline written "X日前": whether day X itself counts is DEADLINE_INCLUSIVE (R2). */
export function meetsDeadline(date: string, deadline: string, inclusive: boolean): boolean {
  return inclusive ? date <= deadline : date < deadline;
}

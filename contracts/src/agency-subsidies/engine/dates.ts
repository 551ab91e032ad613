import { addMonths } from '../../fairs/fair-phase';

/** Business dates are YYYY-MM-DD strings, months YYYY-MM: string order is calendar order. */
export { addMonths };

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** "2020-03" + n months. */
export function shiftMonth(month: string, months: number): string {
  return addMonths(`${month}-01`, months).slice(0, 7);
}

/** On or before a deadline written "X日前": whether day X itself counts is DEADLINE_INCLUSIVE (R2). */
export function meetsDeadline(date: string, deadline: string, inclusive: boolean): boolean {
  return inclusive ? date <= deadline : date < deadline;
}

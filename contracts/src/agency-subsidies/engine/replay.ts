import type { AgencyPeriodInput } from '../input';
import type { AgencySubsidyPolicy } from '../policy';
import type { AgencySubsidyLine } from '../result';
import { evaluateAgencyPeriod } from './evaluate';

export interface ReplayedLine {
  /** The line recomputed from the stored slice; null when the slice no longer produces it. */
  line: AgencySubsidyLine | null;
  /** Compared with the stored line when one is given: null when none was given. */
  identical: boolean | null;
  /** The top-level fields that differ (status, amountFen, reasonCode, trail...). */
  differences: string[];
}

const COMPARED: (keyof AgencySubsidyLine)[] = [
  'lineKey',
  'kind',
  'agencyId',
  'placementId',
  'workerId',
  'contractId',
  'scheme',
  'amountFen',
  'status',
  'reasonCode',
  'reasonDetails',
  'detail',
  'basis',
  'trail',
];

/** Recomputes one stored line from its stored slice under the stored policy version. */
export function replayLine(
  storedSlice: AgencyPeriodInput,
  policy: AgencySubsidyPolicy,
  lineKey: string,
  storedLine?: AgencySubsidyLine,
): ReplayedLine {
  const line = evaluateAgencyPeriod(storedSlice, policy).lines.find((l) => l.lineKey === lineKey) ?? null;
  if (!storedLine) return { line, identical: null, differences: [] };
  if (!line) return { line, identical: false, differences: ['lineKey'] };
  const differences = COMPARED.filter((k) => canonical(line[k]) !== canonical(storedLine[k]));
  return { line, identical: differences.length === 0, differences };
}

/** JSON with sorted keys: a line read back from jsonb has its keys reordered. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

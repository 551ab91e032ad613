import { isValidResidentIdNumber } from '@platform/contracts/id-numbers';
import { SEEKER_FLAG_LABELS, SEEKER_FLAGS, type SeekerFlag } from '@platform/contracts/seekers/catalog';

export interface RosterEntry {
  university: string;
  name: string;
  idNumber: string;
  flags: SeekerFlag[];
}

export type RosterProblem =
  | { line: number; kind: 'columns' }
  | { line: number; kind: 'idNumber'; value: string }
  | { line: number; kind: 'flag'; value: string }
  | { line: number; kind: 'noFlags' }
  | { line: number; kind: 'duplicate'; value: string };

export interface ParsedRoster {
  rows: RosterEntry[];
  problems: RosterProblem[];
}

// Flags are written by code (low_income_family) or by their Chinese label (家庭经济困难).
const FLAG_BY_NAME = new Map<string, SeekerFlag>([
  ...SEEKER_FLAGS.map((flag) => [flag, flag] as const),
  ...SEEKER_FLAGS.map((flag) => [SEEKER_FLAG_LABELS[flag], flag] as const),
]);
const HEADER_WORDS = new Set(['university', '高校', '学校', '院校', '毕业院校']);

/**
 * Rows pasted from a spreadsheet as `university,name,idNumber,flags` (commas or tabs, full-width
 * commas too; several flags separated by | ; or 、). A header row and blank lines are skipped.
 * Every problem is reported with its line number, and a roster with problems is not sent.
 */
export function parseRoster(text: string): ParsedRoster {
  const rows: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const cells = raw.split(/[,，\t]/).map((cell) => cell.trim());
    if (cells.every((cell) => !cell) || HEADER_WORDS.has(cells[0].toLowerCase())) return;
    const entry = parseRow(cells, line, problems);
    if (!entry) return;
    if (seen.has(entry.idNumber)) {
      problems.push({ line, kind: 'duplicate', value: entry.idNumber });
      return;
    }
    seen.add(entry.idNumber);
    rows.push(entry);
  });
  return { rows, problems };
}

function parseRow(cells: string[], line: number, problems: RosterProblem[]): RosterEntry | null {
  const [university, name, rawId, rawFlags = ''] = cells;
  if (cells.length < 4 || !university || !name || !rawId) {
    problems.push({ line, kind: 'columns' });
    return null;
  }
  const idNumber = rawId.toUpperCase();
  const before = problems.length;
  if (!isValidResidentIdNumber(idNumber)) problems.push({ line, kind: 'idNumber', value: rawId });
  const flags: SeekerFlag[] = [];
  for (const word of rawFlags.split(/[|;；、\s]+/).filter(Boolean)) {
    const flag = FLAG_BY_NAME.get(word);
    if (!flag) problems.push({ line, kind: 'flag', value: word });
    else if (!flags.includes(flag)) flags.push(flag);
  }
  if (!rawFlags.trim()) problems.push({ line, kind: 'noFlags' });
  return problems.length === before ? { university, name, idNumber, flags } : null;
}

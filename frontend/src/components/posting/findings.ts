import type { PostingCheck, PostingFinding } from '@/api/fair-types';
import type { Mark } from './highlight';

/** The fields a rule reads, in the order the editor shows them. */
export const POSTING_FIELDS = ['title', 'duties', 'requirements', 'environment', 'benefits'] as const;
export type PostingFieldName = (typeof POSTING_FIELDS)[number];

export function toMark(finding: PostingFinding): Mark {
  const { start, end, matched, severity, code } = finding;
  return { start, end, matched, severity, code };
}

export interface FieldFindings {
  field: string;
  findings: PostingFinding[];
  marks: Mark[];
}

/** Findings grouped by field in editor order, must-fix ones first within a field. */
export function findingsByField(check: PostingCheck | null | undefined): FieldFindings[] {
  if (!check) return [];
  const order = (field: string) => {
    const at = (POSTING_FIELDS as readonly string[]).indexOf(field);
    return at < 0 ? POSTING_FIELDS.length : at;
  };
  const fields = [...new Set(check.findings.map((finding) => finding.field))].sort(
    (a, b) => order(a) - order(b),
  );
  return fields.map((field) => {
    const findings = check.findings
      .filter((finding) => finding.field === field)
      .sort((a, b) => Number(b.severity === 'reject') - Number(a.severity === 'reject'));
    return { field, findings, marks: findings.map(toMark) };
  });
}

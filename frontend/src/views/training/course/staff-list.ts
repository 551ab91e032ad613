import type { SponsoredEnrolmentInput, WorkRelation } from '@platform/contracts/training/classes';

/**
 * An enterprise pastes its staff one per line, "姓名 身份证号" (space, comma or tab between);
 * blank lines are skipped and a line without both parts is reported by its number.
 */
export function parseStaffList(
  text: string,
  workRelation: WorkRelation,
): { staff: SponsoredEnrolmentInput['staff']; badLines: number[] } {
  const staff: SponsoredEnrolmentInput['staff'] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const parts = line.split(/[\s,，\t]+/).filter(Boolean);
    if (parts.length !== 2) {
      badLines.push(i + 1);
      return;
    }
    staff.push({ realName: parts[0], idNumber: parts[1].toUpperCase(), workRelation });
  });
  return { staff, badLines };
}

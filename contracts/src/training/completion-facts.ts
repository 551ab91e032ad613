import type { CompletionInput, CompletionOutcome, CompletionReason } from './completion';

/**
 * What makes two completion evaluations "the same decision": the facts (the §4.1 input without
 * the evaluation instant), the policy version and the outcome. `now` only matters through what it
 * changes in the outcome (a pending check that lapsed is already an input fact; a session ending
 * in the future is rejected), so it is left out of the facts and the outcome stands in for it.
 * Re-running an evaluation on unchanged facts therefore yields the same key and stores nothing.
 */
export function completionDecisionKeySource(
  input: CompletionInput,
  policyVersion: string,
  outcome: CompletionOutcome,
): string {
  const { now: _now, ...facts } = input;
  const sessions = [...facts.sessions].sort(
    (a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  const sortedOutcome = {
    ...outcome,
    sessions: [...outcome.sessions].sort((a, b) => a.id.localeCompare(b.id)),
  };
  return canonicalJson({ facts: { ...facts, sessions }, policyVersion, outcome: sortedOutcome });
}

/** JSON with object keys sorted at every depth, so equal values always serialise identically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** What a reason means for the trainee, in their words, with the figures still missing. */
export function explainCompletionReason(reason: CompletionReason, hours: CompletionOutcome['hours']): string {
  const { required } = hours;
  switch (reason) {
    case 'NOT_REAL_NAME':
      return '尚未完成实名认证。';
    case 'COURSE_NOT_IN_CATALOGUE':
      return '课程在开班日不在培训项目目录内。';
    case 'INSTITUTION_NOT_IN_CATALOGUE':
      return '培训机构在开班日不在培训机构目录内。';
    case 'PLATFORM_NOT_SELECTED':
      return '线上培训平台不在遴选平台名单内。';
    case 'CLASS_PLAN_NOT_APPROVED':
      return '班级的线上培训方案尚未获批。';
    case 'COURSE_DESIGN_THEORY_SHARE_BELOW_30PCT':
      return '课程设计中理论学时占比不足 30%。';
    case 'NO_SIGN_IN':
      return '没有签到记录。';
    case 'THEORY_HOURS_SHORT':
      return `理论学时还差 ${required.theory - hours.onlineTheory} 学时（已认定 ${hours.onlineTheory}/${required.theory}）。`;
    case 'PRACTICAL_HOURS_SHORT': {
      const done = hours.onlinePractical + hours.offlinePractical;
      return `实操学时还差 ${required.practical - done} 学时（已认定 ${done}/${required.practical}）。`;
    }
    case 'OFFLINE_PRACTICAL_MISSING':
      return `线下实训还差 ${required.offlineOnlyPractical - hours.offlinePractical} 学时（已核实 ${hours.offlinePractical}/${required.offlineOnlyPractical}）。`;
    case 'EVIDENCE_MISSING':
      return '部分学习记录缺少人脸核验或影像留存，未计入学时。';
    case 'OUT_OF_TOWN_OFFLINE_COMPLETION_MISSING':
      return '在外地参训，返渝后需完成线下培训。';
    case 'NO_QA_TEST_RECORD':
      return '没有答疑或测试记录。';
    case 'ATTENDANCE_FAILED':
      return '出勤考核未达到要求。';
    case 'EXAM_FAILED':
      return '课后考核（结业考试）未达到合格分数或尚无成绩。';
  }
}

export const COMPLETION_STATUS_LABELS: Record<CompletionOutcome['status'], string> = {
  COMPLETED: '已结业',
  COMPLETED_PENDING_AUDIT: '已结业，待结业审核',
  AWAITING_APPRAISAL: '待职业技能评价',
  INCOMPLETE: '未达结业条件',
};

import { COURSE_DESIGN_RULES, CourseKind, Delivery, ModuleKind } from './catalog';
import { courseHours } from './course-design';
import { daysInterval, Interval, intersect, length, MINUTE, splitByDay, subtract, total } from './intervals';

/**
 * Whether a trainee completed a class: training.md §4.1 as one pure function over the stored
 * inputs, so every decision can be replayed and explained. Times are ISO instants; days are
 * Asia/Shanghai days.
 */

export interface CompletionPolicy {
  version: string;
  /** Minutes per 学时: the sources are silent (45 or 60), so it is a setting [inferred]. */
  minutesPerXueshi: number;
  /** Credited minutes per day, at most 1440 [inferred, admin-set]. */
  maxCreditedMinutesPerDay: number;
  /** 成绩考评 pass mark (L7930, no figure given) [inferred, admin-set]. */
  passMark: number;
  /** 出勤考核 threshold (L7930, no figure given) [inferred, admin-set]. */
  minAttendanceRatio: number;
  /** "2020年至2021年" (L5352-5353). */
  programWindow: { from: string; to: string };
  minTheoryShare: number;
}

export const DEFAULT_COMPLETION_POLICY: CompletionPolicy = {
  version: 'cq-2020.1',
  minutesPerXueshi: 45,
  maxCreditedMinutesPerDay: 480,
  passMark: 60,
  minAttendanceRatio: 0.8,
  programWindow: { from: '2020-01-01', to: '2021-12-31' },
  minTheoryShare: COURSE_DESIGN_RULES.minTheoryShareForOnline,
};

export interface RandomCheck {
  at: string;
  result: 'passed' | 'failed' | 'unanswered';
}

export interface LearningSession {
  id: string;
  classId: string;
  /** The course module the session was spent on (its name). */
  module: string;
  /** Only what the platform's server logged counts (记录学习 L5711); self-reports never do. */
  source: 'server' | 'self_reported';
  start: string;
  end: string;
  /** A duration the uploader claimed; the timestamps win [inferred]. */
  claimedMinutes?: number;
  faceVerifiedAtStart: boolean;
  hasRetainedMedia: boolean;
  checks: RandomCheck[];
  /** Stretches the server saw no interaction in (hidden tab, no input beyond the idle timeout). */
  idle: { from: string; to: string }[];
}

export interface ClassFacts {
  id: string;
  jurisdiction: 'CQ' | 'national';
  planApproved: boolean;
  approvedStart: string;
  approvedEnd: string;
}

export interface CompletionInput {
  now: string;
  trainee: {
    realNameVerified: boolean;
    trainedOutsideCq?: boolean;
    completedOfflineAfterReturn?: boolean;
  };
  class: ClassFacts & {
    course: {
      kind: CourseKind;
      modules: { name: string; kind: ModuleKind; hours: number; delivery: Delivery }[];
      /** Completion needs a 职业技能等级证书 or the like, not only a 培训合格证明. */
      requiresSkillCertificate?: boolean;
    };
    catalogue: { courseListed: boolean; institutionListed: boolean; platformSelected: boolean | null };
  };
  /** The other classes the trainee's sessions belong to: each session is cleaned by its own class's rules. */
  otherClasses: ClassFacts[];
  /** Every session of the trainee, on every class and platform: one person, one timeline. */
  sessions: LearningSession[];
  /** Verified offline practical attendance of this class, in 学时 per module. */
  offlineAttendance: { module: string; xueshi: number; verified: boolean }[];
  signedIn: boolean;
  hasQaOrTest: boolean;
  attendanceRatio: number | null;
  examScore: number | null;
  appraisalSuspended: boolean;
}

export type CompletionReason =
  | 'NOT_REAL_NAME'
  | 'COURSE_NOT_IN_CATALOGUE'
  | 'INSTITUTION_NOT_IN_CATALOGUE'
  | 'PLATFORM_NOT_SELECTED'
  | 'CLASS_PLAN_NOT_APPROVED'
  | 'COURSE_DESIGN_THEORY_SHARE_BELOW_30PCT'
  | 'NO_SIGN_IN'
  | 'THEORY_HOURS_SHORT'
  | 'PRACTICAL_HOURS_SHORT'
  | 'OFFLINE_PRACTICAL_MISSING'
  | 'EVIDENCE_MISSING'
  | 'OUT_OF_TOWN_OFFLINE_COMPLETION_MISSING'
  | 'NO_QA_TEST_RECORD'
  | 'ATTENDANCE_FAILED'
  | 'EXAM_FAILED';

export type SessionRejection =
  | 'SELF_REPORTED'
  | 'NON_POSITIVE_DURATION'
  | 'FUTURE_TIMESTAMP'
  | 'FACE_NOT_VERIFIED'
  | 'NO_IMAGE_EVIDENCE'
  | 'OUTSIDE_CLASS_OR_PROGRAM_WINDOW';

export type CompletionFlag =
  | 'DURATION_FIELD_INCONSISTENT'
  | 'OVERLAPPING_SESSIONS'
  | 'DAILY_CAP_EXCEEDED'
  | 'ONLINE_TIME_ON_OFFLINE_ONLY_MODULE'
  | 'UNKNOWN_MODULE';

export interface SessionOutcome {
  id: string;
  classId: string;
  rejected: SessionRejection | null;
  /** Minutes dropped inside an accepted session, by why. */
  dropped: {
    reason: 'OUTSIDE_WINDOW' | 'RANDOM_CHECK' | 'IDLE' | 'OVERLAP' | 'DAILY_CAP';
    minutes: number;
  }[];
  creditedMinutes: number;
}

export interface CompletionOutcome {
  status: 'COMPLETED' | 'COMPLETED_PENDING_AUDIT' | 'AWAITING_APPRAISAL' | 'INCOMPLETE';
  reasons: CompletionReason[];
  flags: { code: CompletionFlag; sessionId?: string; day?: string; minutes?: number }[];
  sessions: SessionOutcome[];
  hours: {
    onlineTheory: number;
    onlinePractical: number;
    offlinePractical: number;
    required: { theory: number; practical: number; offlineOnlyPractical: number };
  };
  policyVersion: string;
}

type ModuleClass = 'THEORY' | 'PRACTICAL_ONLINE_OK' | 'PRACTICAL_OFFLINE_ONLY';
interface Segment extends Interval {
  sessionId: string;
  classId: string;
}

export function evaluateCompletion(
  input: CompletionInput,
  policy: CompletionPolicy = DEFAULT_COMPLETION_POLICY,
): CompletionOutcome {
  const reasons = new Set<CompletionReason>(preconditions(input, policy));
  const flags: CompletionOutcome['flags'] = [];
  const outcomes = new Map<string, SessionOutcome>();
  const classes = new Map([input.class, ...input.otherClasses].map((c) => [c.id, c]));

  // 2. Clean each session by its own class's rules.
  const segments: Segment[] = [];
  for (const session of input.sessions) {
    const outcome: SessionOutcome = {
      id: session.id,
      classId: session.classId,
      rejected: null,
      dropped: [],
      creditedMinutes: 0,
    };
    outcomes.set(session.id, outcome);
    const cls = classes.get(session.classId);
    const parts = cleanSession(session, cls, input.now, policy, outcome, flags);
    segments.push(...parts.map((p) => ({ ...p, sessionId: session.id, classId: session.classId })));
  }

  // 3. One human, one timeline: the earliest start keeps overlapping time.
  const timeline: Segment[] = [];
  for (const segment of [...segments].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const overlap = total(
      timeline.map((t) => intersect(segment, t)).filter((i): i is Interval => i !== null),
    );
    if (overlap > 0) {
      flags.push({ code: 'OVERLAPPING_SESSIONS', sessionId: segment.sessionId, minutes: overlap / MINUTE });
      drop(outcomes, segment.sessionId, 'OVERLAP', overlap);
    }
    for (const piece of subtract(segment, timeline)) timeline.push({ ...segment, ...piece });
  }

  // 4. A day never credits more than its cap: the latest time goes first.
  const byDay = new Map<string, Segment[]>();
  for (const segment of timeline)
    for (const { day, part } of splitByDay(segment))
      byDay.set(day, [...(byDay.get(day) ?? []), { ...segment, ...part }]);
  const credited: Segment[] = [];
  const cap = Math.min(policy.maxCreditedMinutesPerDay, 1440) * MINUTE;
  for (const [day, parts] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    let budget = cap;
    const sorted = [...parts].sort((a, b) => a.start - b.start);
    if (total(sorted) > cap)
      flags.push({ code: 'DAILY_CAP_EXCEEDED', day, minutes: (total(sorted) - cap) / MINUTE });
    for (const part of sorted) {
      const keep = Math.min(length(part), budget);
      budget -= keep;
      if (keep < length(part)) drop(outcomes, part.sessionId, 'DAILY_CAP', length(part) - keep);
      if (keep > 0) credited.push({ ...part, end: part.start + keep });
    }
  }
  for (const part of credited) outcomes.get(part.sessionId)!.creditedMinutes += length(part) / MINUTE;

  // 5. Count this class's hours by module.
  const modules = new Map(input.class.course.modules.map((m) => [m.name, moduleClass(m)]));
  const sessionModule = new Map(input.sessions.map((s) => [s.id, s.module]));
  const minutesOf = (kind: ModuleClass) =>
    total(
      credited.filter(
        (p) => p.classId === input.class.id && modules.get(sessionModule.get(p.sessionId)!) === kind,
      ),
    ) / MINUTE;
  for (const part of credited.filter((p) => p.classId === input.class.id)) {
    const module = sessionModule.get(part.sessionId)!;
    if (
      !modules.has(module) &&
      !flags.some((f) => f.code === 'UNKNOWN_MODULE' && f.sessionId === part.sessionId)
    )
      flags.push({ code: 'UNKNOWN_MODULE', sessionId: part.sessionId });
  }
  const offlineOnlyOnline = minutesOf('PRACTICAL_OFFLINE_ONLY');
  if (offlineOnlyOnline > 0)
    flags.push({ code: 'ONLINE_TIME_ON_OFFLINE_ONLY_MODULE', minutes: offlineOnlyOnline });
  const xueshi = (minutes: number) => Math.floor(minutes / policy.minutesPerXueshi);
  const onlineTheory = xueshi(minutesOf('THEORY'));
  const onlinePractical = xueshi(minutesOf('PRACTICAL_ONLINE_OK'));
  const offlinePractical = input.offlineAttendance
    .filter((a) => a.verified && modules.get(a.module) !== 'THEORY')
    .reduce((sum, a) => sum + a.xueshi, 0);
  const required = requiredHours(input.class.course.modules);

  if (onlineTheory < required.theory) reasons.add('THEORY_HOURS_SHORT');
  if (onlinePractical + offlinePractical < required.practical) reasons.add('PRACTICAL_HOURS_SHORT');
  if (required.offlineOnlyPractical > offlinePractical) reasons.add('OFFLINE_PRACTICAL_MISSING');
  const evidenceRejected = [...outcomes.values()].some(
    (o) =>
      o.classId === input.class.id &&
      (o.rejected === 'FACE_NOT_VERIFIED' || o.rejected === 'NO_IMAGE_EVIDENCE'),
  );
  if (evidenceRejected && (reasons.has('THEORY_HOURS_SHORT') || reasons.has('PRACTICAL_HOURS_SHORT')))
    reasons.add('EVIDENCE_MISSING');
  const cq = input.class.jurisdiction === 'CQ';
  if (cq && input.trainee.trainedOutsideCq && !input.trainee.completedOfflineAfterReturn)
    reasons.add('OUT_OF_TOWN_OFFLINE_COMPLETION_MISSING');

  // 6. Assessments.
  if (!input.hasQaOrTest) reasons.add('NO_QA_TEST_RECORD');
  if (cq && (input.attendanceRatio ?? 0) < policy.minAttendanceRatio) reasons.add('ATTENDANCE_FAILED');
  if ((input.examScore ?? -1) < policy.passMark) reasons.add('EXAM_FAILED');

  // 7. Outcome.
  let status: CompletionOutcome['status'] = 'INCOMPLETE';
  if (!reasons.size)
    status =
      input.class.course.requiresSkillCertificate && input.appraisalSuspended
        ? 'AWAITING_APPRAISAL'
        : cq
          ? 'COMPLETED_PENDING_AUDIT'
          : 'COMPLETED';
  return {
    status,
    reasons: [...reasons],
    flags,
    sessions: [...outcomes.values()],
    hours: { onlineTheory, onlinePractical, offlinePractical, required },
    policyVersion: policy.version,
  };
}

function preconditions(input: CompletionInput, policy: CompletionPolicy): CompletionReason[] {
  const { trainee, class: cls } = input;
  const reasons: CompletionReason[] = [];
  if (!trainee.realNameVerified) reasons.push('NOT_REAL_NAME');
  if (!cls.catalogue.courseListed) reasons.push('COURSE_NOT_IN_CATALOGUE');
  if (!cls.catalogue.institutionListed) reasons.push('INSTITUTION_NOT_IN_CATALOGUE');
  if (cls.catalogue.platformSelected === false) reasons.push('PLATFORM_NOT_SELECTED');
  if (cls.jurisdiction === 'CQ') {
    if (!cls.planApproved) reasons.push('CLASS_PLAN_NOT_APPROVED');
    const hours = courseHours(cls.course.modules);
    if (hours.online > 0 && hours.theoryShare < policy.minTheoryShare)
      reasons.push('COURSE_DESIGN_THEORY_SHARE_BELOW_30PCT');
  }
  if (!input.signedIn) reasons.push('NO_SIGN_IN');
  return reasons;
}

/** Step 2 for one session: reject it whole, or return the parts of it that may be credited. */
function cleanSession(
  session: LearningSession,
  cls: ClassFacts | undefined,
  now: string,
  policy: CompletionPolicy,
  outcome: SessionOutcome,
  flags: CompletionOutcome['flags'],
): Interval[] {
  const reject = (why: SessionRejection) => {
    outcome.rejected = why;
    return [];
  };
  const span = { start: Date.parse(session.start), end: Date.parse(session.end) };
  if (session.source !== 'server') return reject('SELF_REPORTED');
  if (span.end <= span.start) return reject('NON_POSITIVE_DURATION');
  if (session.claimedMinutes !== undefined && session.claimedMinutes > length(span) / MINUTE)
    flags.push({ code: 'DURATION_FIELD_INCONSISTENT', sessionId: session.id });
  if (span.end > Date.parse(now)) return reject('FUTURE_TIMESTAMP');
  if (!cls) return reject('OUTSIDE_CLASS_OR_PROGRAM_WINDOW');
  if (cls.jurisdiction === 'CQ' && !session.faceVerifiedAtStart) return reject('FACE_NOT_VERIFIED');
  if (cls.jurisdiction === 'CQ' && !session.hasRetainedMedia) return reject('NO_IMAGE_EVIDENCE');

  const window = intersect(
    daysInterval(cls.approvedStart, cls.approvedEnd),
    daysInterval(policy.programWindow.from, policy.programWindow.to),
  );
  const clipped = window ? intersect(span, window) : null;
  if (!clipped) return reject('OUTSIDE_CLASS_OR_PROGRAM_WINDOW');
  dropMinutes(outcome, 'OUTSIDE_WINDOW', length(span) - length(clipped));

  // 随机验证: from a failed or unanswered check to the next passed one, nothing counts.
  const failedStretches: Interval[] = [];
  let failedSince: number | null = null;
  for (const check of [...session.checks].sort((a, b) => a.at.localeCompare(b.at))) {
    const at = Date.parse(check.at);
    if (check.result !== 'passed' && failedSince === null) failedSince = at;
    if (check.result === 'passed' && failedSince !== null) {
      failedStretches.push({ start: failedSince, end: at });
      failedSince = null;
    }
  }
  if (failedSince !== null) failedStretches.push({ start: failedSince, end: span.end });
  const afterChecks = subtract(clipped, failedStretches);
  dropMinutes(outcome, 'RANDOM_CHECK', length(clipped) - total(afterChecks));

  const idle = session.idle.map((i) => ({ start: Date.parse(i.from), end: Date.parse(i.to) }));
  const active = afterChecks.flatMap((part) => subtract(part, idle));
  dropMinutes(outcome, 'IDLE', total(afterChecks) - total(active));
  return active;
}

function moduleClass(module: { kind: ModuleKind; delivery: Delivery }): ModuleClass {
  if (module.kind === 'theory') return 'THEORY';
  return module.delivery === 'online' ? 'PRACTICAL_ONLINE_OK' : 'PRACTICAL_OFFLINE_ONLY';
}

function requiredHours(modules: CompletionInput['class']['course']['modules']) {
  const hours = courseHours(modules);
  const offlineOnlyPractical = modules
    .filter((m) => m.kind === 'practical' && m.delivery === 'offline')
    .reduce((sum, m) => sum + m.hours, 0);
  return { theory: hours.theory, practical: hours.practical, offlineOnlyPractical };
}

function dropMinutes(
  outcome: SessionOutcome,
  reason: SessionOutcome['dropped'][number]['reason'],
  ms: number,
) {
  if (ms > 0) outcome.dropped.push({ reason, minutes: ms / MINUTE });
}

function drop(
  outcomes: Map<string, SessionOutcome>,
  sessionId: string,
  reason: SessionOutcome['dropped'][number]['reason'],
  ms: number,
) {
  dropMinutes(outcomes.get(sessionId)!, reason, ms);
}

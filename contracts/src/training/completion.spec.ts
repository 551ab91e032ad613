import { describe, expect, it } from 'vitest';
import {
  CompletionInput,
  DEFAULT_COMPLETION_POLICY,
  evaluateCompletion,
  LearningSession,
} from './completion';

// Minutes per 学时 = 60 in these scenarios, so hours and 学时 read the same.
const POLICY = { ...DEFAULT_COMPLETION_POLICY, minutesPerXueshi: 60, maxCreditedMinutesPerDay: 600 };
const CLASS_ID = 'class-k';

/** Asia/Shanghai wall-clock time on a day of April 2020. */
const at = (day: number, time: string) => `2020-04-${String(day).padStart(2, '0')}T${time}:00+08:00`;

let sessionNo = 0;
function session(
  day: number,
  from: string,
  to: string,
  overrides: Partial<LearningSession> = {},
): LearningSession {
  sessionNo += 1;
  return {
    id: `s${sessionNo}`,
    classId: CLASS_ID,
    module: '理论知识',
    source: 'server',
    start: at(day, from),
    end: at(day, to),
    faceVerifiedAtStart: true,
    hasRetainedMedia: true,
    checks: [],
    idle: [],
    ...overrides,
  };
}

/** TR-19's class: 40 theory 学时 online, 12 online home practice, 8 offline practice. */
function input(overrides: Partial<CompletionInput> = {}): CompletionInput {
  return {
    now: '2020-06-01T00:00:00+08:00',
    trainee: { realNameVerified: true },
    class: {
      id: CLASS_ID,
      jurisdiction: 'CQ',
      planApproved: true,
      approvedStart: '2020-04-01',
      approvedEnd: '2020-04-30',
      course: {
        kind: 'skills',
        modules: [
          { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
          { name: '居家实操', kind: 'practical', hours: 12, delivery: 'online' },
          { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
        ],
      },
      catalogue: { courseListed: true, institutionListed: true, platformSelected: true },
    },
    otherClasses: [],
    sessions: fullSessions(),
    offlineAttendance: [{ module: '线下实训', xueshi: 8, verified: true }],
    signedIn: true,
    hasQaOrTest: true,
    attendanceRatio: 0.95,
    examScore: 85,
    appraisalSuspended: false,
    ...overrides,
  };
}

/** 40 h of theory over five days and 12 h of home practice over two. */
function fullSessions(): LearningSession[] {
  const theory = [1, 2, 3, 4, 5].map((day) => session(day, '08:00', '16:00'));
  const practical = [6, 7].map((day) => session(day, '08:00', '14:00', { module: '居家实操' }));
  return [...theory, ...practical];
}

describe('completion (training.md §4.1)', () => {
  it('TR-19 happy path: every hour, sign-in, Q&A, attendance and exam make COMPLETED_PENDING_AUDIT', () => {
    const outcome = evaluateCompletion(input(), POLICY);
    expect(outcome).toMatchObject({
      status: 'COMPLETED_PENDING_AUDIT',
      reasons: [],
      hours: {
        onlineTheory: 40,
        onlinePractical: 12,
        offlinePractical: 8,
        required: { theory: 40, practical: 20, offlineOnlyPractical: 8 },
      },
      policyVersion: 'cq-2020.1',
    });
  });

  it('TR-1 real name required', () => {
    expect(evaluateCompletion(input({ trainee: { realNameVerified: false } }), POLICY).reasons).toContain(
      'NOT_REAL_NAME',
    );
  });

  it('TR-4 a CQ class whose plan was not approved counts toward nothing', () => {
    const base = input();
    const outcome = evaluateCompletion({ ...base, class: { ...base.class, planApproved: false } }, POLICY);
    expect(outcome.status).toBe('INCOMPLETE');
    expect(outcome.reasons).toEqual(['CLASS_PLAN_NOT_APPROVED']);
  });

  it('TR-7 overlapping sessions in one course credit 3 h, not 4, and are flagged', () => {
    const a = session(1, '09:00', '11:00');
    const b = session(1, '10:00', '12:00');
    const outcome = evaluateCompletion(input({ sessions: [a, b] }), POLICY);
    const credited = outcome.sessions.reduce((sum, s) => sum + s.creditedMinutes, 0);
    expect(credited).toBe(180);
    expect(outcome.flags).toContainEqual({ code: 'OVERLAPPING_SESSIONS', sessionId: b.id, minutes: 60 });
  });

  it('TR-8 overlap across two courses: the earliest start keeps the time, 3 h in total', () => {
    const other = {
      id: 'class-b',
      jurisdiction: 'CQ' as const,
      planApproved: true,
      approvedStart: '2020-04-01',
      approvedEnd: '2020-04-30',
    };
    const a = session(1, '14:00', '16:00');
    const b = session(1, '15:00', '17:00', { classId: 'class-b' });
    const outcome = evaluateCompletion(input({ sessions: [a, b], otherClasses: [other] }), POLICY);
    expect(outcome.sessions.find((s) => s.id === a.id)?.creditedMinutes).toBe(120);
    expect(outcome.sessions.find((s) => s.id === b.id)?.creditedMinutes).toBe(60);
  });

  it('TR-10 a claimed duration longer than the timestamps: 30 min credited, flagged', () => {
    const s = session(1, '10:00', '10:30', { claimedMinutes: 480 });
    const outcome = evaluateCompletion(input({ sessions: [s] }), POLICY);
    expect(outcome.sessions[0].creditedMinutes).toBe(30);
    expect(outcome.flags).toContainEqual({ code: 'DURATION_FIELD_INCONSISTENT', sessionId: s.id });
  });

  it('TR-11 a session ending before it starts is rejected NON_POSITIVE_DURATION', () => {
    const outcome = evaluateCompletion(input({ sessions: [session(1, '11:00', '10:00')] }), POLICY);
    expect(outcome.sessions[0]).toMatchObject({ rejected: 'NON_POSITIVE_DURATION', creditedMinutes: 0 });
  });

  it('TR-13 a session stamped in the future is rejected FUTURE_TIMESTAMP', () => {
    const s = {
      ...session(1, '08:00', '09:00'),
      start: '2020-05-10T08:00:00+08:00',
      end: '2020-05-10T09:00:00+08:00',
    };
    const outcome = evaluateCompletion(input({ sessions: [s], now: '2020-05-01T12:00:00+08:00' }), POLICY);
    expect(outcome.sessions[0].rejected).toBe('FUTURE_TIMESTAMP');
  });

  it('TR-14 sessions outside the class period or the programme window are not credited', () => {
    const base = input();
    const march = { ...base.class, approvedStart: '2020-03-01', approvedEnd: '2020-03-31' };
    const outcome = evaluateCompletion(
      { ...base, class: march, sessions: [session(5, '08:00', '09:00')] },
      POLICY,
    );
    expect(outcome.sessions[0].rejected).toBe('OUTSIDE_CLASS_OR_PROGRAM_WINDOW');

    const late = { ...base.class, approvedStart: '2021-12-01', approvedEnd: '2022-01-31' };
    const s = {
      ...session(1, '08:00', '09:00'),
      start: '2022-01-05T08:00:00+08:00',
      end: '2022-01-05T09:00:00+08:00',
    };
    const after = evaluateCompletion(
      { ...base, class: late, sessions: [s], now: '2022-02-01T00:00:00+08:00' },
      POLICY,
    );
    expect(after.sessions[0].rejected).toBe('OUTSIDE_CLASS_OR_PROGRAM_WINDOW');
  });

  it('TR-16 a missed random check drops the time until the next passed check: 80 of 120 min', () => {
    const s = session(1, '08:00', '10:00', {
      checks: [
        { at: at(1, '08:40'), result: 'unanswered' },
        { at: at(1, '09:20'), result: 'passed' },
      ],
    });
    const outcome = evaluateCompletion(input({ sessions: [s] }), POLICY);
    expect(outcome.sessions[0]).toMatchObject({
      creditedMinutes: 80,
      dropped: [{ reason: 'RANDOM_CHECK', minutes: 40 }],
    });
  });

  it('TR-17 a CQ session without retained images is excluded, and the shortfall says EVIDENCE_MISSING', () => {
    const sessions = fullSessions();
    sessions[0] = { ...sessions[0], hasRetainedMedia: false };
    const outcome = evaluateCompletion(input({ sessions }), POLICY);
    expect(outcome.sessions[0].rejected).toBe('NO_IMAGE_EVIDENCE');
    expect(outcome.reasons).toEqual(expect.arrayContaining(['THEORY_HOURS_SHORT', 'EVIDENCE_MISSING']));
  });

  it('TR-20 every hour but no Q&A or test record: INCOMPLETE(NO_QA_TEST_RECORD)', () => {
    const outcome = evaluateCompletion(input({ hasQaOrTest: false }), POLICY);
    expect(outcome).toMatchObject({ status: 'INCOMPLETE', reasons: ['NO_QA_TEST_RECORD'] });
  });

  it('TR-22 every hour but an exam below the pass mark: EXAM_FAILED', () => {
    expect(evaluateCompletion(input({ examScore: 59 }), POLICY).reasons).toEqual(['EXAM_FAILED']);
    expect(evaluateCompletion(input({ examScore: 60 }), POLICY).reasons).toEqual([]);
  });

  it('TR-23 online hours on an offline-only practical module do not count', () => {
    const base = input();
    const course = {
      kind: 'entrepreneurship' as const,
      modules: [
        { name: '理论知识', kind: 'theory' as const, hours: 40, delivery: 'online' as const },
        { name: '创业实训', kind: 'practical' as const, hours: 10, delivery: 'offline' as const },
      ],
    };
    const theory = fullSessions().slice(0, 5);
    const practiceOnline = [session(8, '08:00', '18:00', { module: '创业实训' })];
    const outcome = evaluateCompletion(
      {
        ...base,
        class: { ...base.class, course },
        sessions: [...theory, ...practiceOnline],
        offlineAttendance: [],
      },
      POLICY,
    );
    expect(outcome.flags).toContainEqual({ code: 'ONLINE_TIME_ON_OFFLINE_ONLY_MODULE', minutes: 600 });
    expect(outcome.hours.onlinePractical).toBe(0);
    expect(outcome.reasons).toEqual(['PRACTICAL_HOURS_SHORT', 'OFFLINE_PRACTICAL_MISSING']);
  });

  it('TR-25 a course needing a skill certificate waits in AWAITING_APPRAISAL while appraisal is suspended', () => {
    const base = input({ appraisalSuspended: true });
    const outcome = evaluateCompletion(
      { ...base, class: { ...base.class, course: { ...base.class.course, requiresSkillCertificate: true } } },
      POLICY,
    );
    expect(outcome.status).toBe('AWAITING_APPRAISAL');
  });

  it('never credits self-reported time, idle stretches, or more than the daily cap', () => {
    const self = session(9, '08:00', '09:00', { source: 'self_reported' });
    const idle = session(10, '08:00', '10:00', { idle: [{ from: at(10, '09:00'), to: at(10, '09:30') }] });
    const long = session(11, '00:00', '23:00');
    const outcome = evaluateCompletion(input({ sessions: [self, idle, long] }), POLICY);
    expect(outcome.sessions.map((s) => [s.rejected, s.creditedMinutes])).toEqual([
      ['SELF_REPORTED', 0],
      [null, 90],
      [null, 600],
    ]);
    expect(outcome.flags).toContainEqual({ code: 'DAILY_CAP_EXCEEDED', day: '2020-04-11', minutes: 780 });
  });

  it('gives the same answer for the same stored inputs (replayable)', () => {
    const stored = input();
    const replayed = JSON.parse(JSON.stringify(stored)) as CompletionInput;
    expect(evaluateCompletion(replayed, POLICY)).toEqual(evaluateCompletion(stored, POLICY));
  });
});

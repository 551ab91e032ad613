/**
 * Interview invitations (邀约) and scheduled interviews (recruitment.md §2.8). The states follow
 * the inferred flow of §2.8.2: INVITED → ACCEPTED | DECLINED | EXPIRED (| CANCELLED), and an
 * accepted invitation's interview SCHEDULED → IN_PROGRESS → COMPLETED | NO_SHOW | CANCELLED.
 */
export const INVITATION_STATUSES = ['invited', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  invited: '待回复',
  accepted: '已接受',
  declined: '已拒绝',
  expired: '已过期',
  cancelled: '已取消',
};

/** `slots`: the employer proposed a few slots; `link`: any free slot of the employer (booking link). */
export const INVITATION_MODES = ['slots', 'link'] as const;
export type InvitationMode = (typeof INVITATION_MODES)[number];

export const INTERVIEW_STATUSES = ['scheduled', 'in_progress', 'completed', 'no_show', 'cancelled'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export const INTERVIEW_STATUS_LABELS: Record<InterviewStatus, string> = {
  scheduled: '已预约',
  in_progress: '进行中',
  completed: '已完成',
  no_show: '未到场',
  cancelled: '已取消',
};
/** Interviews that hold their seeker's and interviewer's time (the database exclusion uses the same list). */
export const ACTIVE_INTERVIEW_STATUSES: readonly InterviewStatus[] = ['scheduled', 'in_progress'];

export const INTERVIEW_OUTCOMES = ['pass', 'fail', 'pending'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

export const RESCHEDULE_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type RescheduleStatus = (typeof RESCHEDULE_STATUSES)[number];

export const INTERVIEW_PARTIES = ['seeker', 'employer', 'staff', 'system'] as const;
export type InterviewParty = (typeof INTERVIEW_PARTIES)[number];

/** Slots are between 10 minutes and 4 hours long [INFERRED]; the UI says so. */
export const SLOT_MIN_MINUTES = 10;
export const SLOT_MAX_MINUTES = 240;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Reads a time the way people in the fair type it: an ISO instant with an offset as is, a wall
 * clock without one ("2026-12-07T10:00") as Asia/Shanghai time (China has no daylight saving).
 * Returns null when it is not a time.
 */
export function parseShanghaiTime(value: string): Date | null {
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number);
    const ms = Date.UTC(y, mo - 1, d, h, mi, s || 0) - SHANGHAI_OFFSET_MS;
    const back = new Date(ms + SHANGHAI_OFFSET_MS);
    // Date.UTC rolls 2026-02-30 over to March; a rolled-over date was not a real date.
    if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null;
    return new Date(ms);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** "2026-12-07 10:00" in Asia/Shanghai, for messages and notifications. */
export function shanghaiLabel(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-12-07 10:00-10:30": a slot as people read it (Asia/Shanghai). */
export function slotLabel(startsAt: Date, endsAt: Date): string {
  return `${shanghaiLabel(startsAt)}-${shanghaiLabel(endsAt).slice(11)}`;
}

export type SlotProblem = 'invalid' | 'past' | 'too_short' | 'too_long';

/** Why a proposed slot cannot be published, or null when it can. */
export function slotProblem(startsAt: Date, endsAt: Date, now: Date): SlotProblem | null {
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (!(minutes > 0)) return 'invalid';
  if (startsAt.getTime() <= now.getTime()) return 'past';
  if (minutes < SLOT_MIN_MINUTES) return 'too_short';
  if (minutes > SLOT_MAX_MINUTES) return 'too_long';
  return null;
}

/** Two half-open ranges [start, end) overlap: the same rule as the database's `tstzrange &&`. */
export function rangesOverlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export interface TimedJob {
  kind: 'remind' | 'no-show';
  /** Minutes before the start for a reminder; the grace after it for a no-show. */
  offsetSeconds: number;
  runAt: Date;
  jobId: string;
}

/**
 * The delayed jobs an interview needs at one version of its schedule. The version is part of
 * every id: moving the interview bumps it, so the old jobs are removed by id and a late one that
 * still runs sees a stale version and does nothing. Reminders already in the past are left out.
 */
export function interviewTimedJobs(
  interview: { id: string; version: number; startsAt: Date },
  reminderOffsetsSeconds: readonly number[],
  noShowGraceSeconds: number,
  now: Date,
): TimedJob[] {
  const start = interview.startsAt.getTime();
  const prefix = `interview_${interview.id}_v${interview.version}`;
  const reminders: TimedJob[] = [...new Set(reminderOffsetsSeconds)]
    .map((offset) => ({
      kind: 'remind' as const,
      offsetSeconds: offset,
      runAt: new Date(start - offset * 1000),
      jobId: `${prefix}_remind-${offset}s`,
    }))
    .filter((job) => job.runAt.getTime() > now.getTime());
  return [
    ...reminders,
    {
      kind: 'no-show',
      offsetSeconds: noShowGraceSeconds,
      runAt: new Date(start + noShowGraceSeconds * 1000),
      jobId: `${prefix}_no-show`,
    },
  ];
}

import { describe, expect, it } from 'vitest';
import { interviewTimedJobs, parseShanghaiTime, rangesOverlap, slotLabel, slotProblem } from './catalog';

describe('interview times in Asia/Shanghai', () => {
  it('reads a wall clock without offset as Beijing time and keeps an explicit offset', () => {
    expect(parseShanghaiTime('2020-03-06T10:00')?.toISOString()).toBe('2020-03-06T02:00:00.000Z');
    expect(parseShanghaiTime('2020-03-06 00:30')?.toISOString()).toBe('2020-03-05T16:30:00.000Z');
    expect(parseShanghaiTime('2020-03-06T10:00:00Z')?.toISOString()).toBe('2020-03-06T10:00:00.000Z');
    expect(parseShanghaiTime('2020-02-30T10:00')).toBeNull();
    expect(parseShanghaiTime('tomorrow 10am')).toBeNull();
  });

  it('labels a slot the way people read it', () => {
    const start = parseShanghaiTime('2020-03-06T10:00')!;
    const end = parseShanghaiTime('2020-03-06T10:30')!;
    expect(slotLabel(start, end)).toBe('2020-03-06 10:00-10:30');
  });

  it('refuses past, empty and over-long slots', () => {
    const now = parseShanghaiTime('2020-03-06T09:00')!;
    const at = (t: string) => parseShanghaiTime(`2020-03-06T${t}`)!;
    expect(slotProblem(at('10:00'), at('10:30'), now)).toBeNull();
    expect(slotProblem(at('08:00'), at('08:30'), now)).toBe('past');
    expect(slotProblem(at('10:30'), at('10:00'), now)).toBe('invalid');
    expect(slotProblem(at('10:00'), at('10:05'), now)).toBe('too_short');
    expect(slotProblem(at('10:00'), at('15:00'), now)).toBe('too_long');
  });

  it('treats ranges as half-open, like tstzrange: back-to-back slots do not overlap (AS-29)', () => {
    const r = (a: string, b: string) => ({
      startsAt: parseShanghaiTime(`2020-03-06T${a}`)!,
      endsAt: parseShanghaiTime(`2020-03-06T${b}`)!,
    });
    expect(rangesOverlap(r('10:00', '10:30'), r('10:15', '10:45'))).toBe(true);
    expect(rangesOverlap(r('10:00', '10:30'), r('10:30', '11:00'))).toBe(false);
  });
});

describe('reminder and no-show jobs', () => {
  const startsAt = parseShanghaiTime('2020-03-06T10:00')!;
  it('have versioned deterministic ids and leave out reminders already past', () => {
    const now = parseShanghaiTime('2020-03-06T00:00')!;
    const jobs = interviewTimedJobs({ id: 'abc', version: 3, startsAt }, [86_400, 900], 900, now);
    expect(jobs.map((j) => j.jobId)).toEqual(['interview_abc_v3_remind-900s', 'interview_abc_v3_no-show']);
    expect(jobs[0].runAt.toISOString()).toBe('2020-03-06T01:45:00.000Z');
    expect(jobs[1].runAt.toISOString()).toBe('2020-03-06T02:15:00.000Z');
  });

  it('a new version gets new ids, so the old jobs can be removed by id', () => {
    const now = new Date(0);
    const v1 = interviewTimedJobs({ id: 'abc', version: 1, startsAt }, [86_400], 60, now).map((j) => j.jobId);
    const v2 = interviewTimedJobs({ id: 'abc', version: 2, startsAt }, [86_400], 60, now).map((j) => j.jobId);
    expect(v1.filter((id) => v2.includes(id))).toEqual([]);
  });
});

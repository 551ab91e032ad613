import { describe, expect, it } from 'vitest';
import { checkClassPlan, ClassInputSchema } from './classes';

const course = {
  modules: [
    { name: '理论知识', hours: 40, delivery: 'online' as const },
    { name: '线下实训', hours: 8, delivery: 'offline' as const },
  ],
};
const full = {
  teachers: ['王老师'],
  modules: [
    { name: '理论知识', hours: 40 },
    { name: '线下实训', hours: 8 },
  ],
  scheduleNote: '',
};

describe('class plan check (C-3)', () => {
  it('accepts a plan with platform, teachers and every module at the course hours', () => {
    expect(checkClassPlan(course, { platformId: 'p', plan: full })).toEqual({ missing: [], mismatched: [] });
  });

  it('TR-5 names the missing platform, duration and teachers', () => {
    const empty = { teachers: [], modules: [], scheduleNote: '' };
    expect(checkClassPlan(course, { platformId: null, plan: empty }).missing).toEqual([
      'platform',
      'duration',
      'teachers',
    ]);
  });

  it('needs no platform for a wholly offline course', () => {
    const offline = { modules: [{ name: '线下实训', hours: 8, delivery: 'offline' as const }] };
    const plan = { ...full, modules: [{ name: '线下实训', hours: 8 }] };
    expect(checkClassPlan(offline, { platformId: null, plan }).missing).toEqual([]);
  });

  it('reports modules whose hours differ from the course or are left out', () => {
    const plan = { ...full, modules: [{ name: '理论知识', hours: 30 }] };
    expect(checkClassPlan(course, { platformId: 'p', plan }).mismatched).toEqual([
      { module: '理论知识', planned: 30, course: 40 },
      { module: '线下实训', planned: null, course: 8 },
    ]);
  });

  it('refuses a class that ends before it starts', () => {
    const parsed = ClassInputSchema.safeParse({
      courseId: '6f1c1a8e-8a3e-4a57-9d5f-1b2c3d4e5f60',
      name: '育婴员一班',
      district: '渝北区',
      startsOn: '2026-03-10',
      endsOn: '2026-03-01',
      capacity: 30,
    });
    expect(parsed.success).toBe(false);
  });
});

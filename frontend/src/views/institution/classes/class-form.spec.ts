import type { CourseView } from '@platform/contracts/training/api';
import { describe, expect, it } from 'vitest';
import { applyCourse, emptyClassForm, planEditable, toClassInput } from './class-form';

const course = {
  id: 'c1',
  title: '育婴员（五级）',
  platform: { id: 'p1', name: '中国职业培训在线', url: 'http://px.class.com.cn' },
  modules: [
    { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
    { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
  ],
} as unknown as CourseView;

describe('class form', () => {
  it('proposes the course hours, platform and a name when a course is chosen', () => {
    const form = applyCourse(emptyClassForm(), course);
    expect(form).toMatchObject({
      courseId: 'c1',
      name: '育婴员（五级）（第1期）',
      platformId: 'p1',
      hours: { 理论知识: 40, 线下实训: 8 },
    });
  });

  it('sends blank teachers, hours and platform as missing so the api can name them', () => {
    const form = { ...applyCourse(emptyClassForm(), course), platformId: '', teachers: [' ', '王芳 '] };
    form.hours = { 理论知识: 40, 线下实训: undefined };
    const input = toClassInput(form);
    expect(input.platformId).toBeNull();
    expect(input.plan.teachers).toEqual(['王芳']);
    expect(input.plan.modules).toEqual([{ name: '理论知识', hours: 40 }]);
  });

  it('lets only draft and returned plans be edited', () => {
    expect(planEditable({ planStatus: 'draft' })).toBe(true);
    expect(planEditable({ planStatus: 'rejected' })).toBe(true);
    expect(planEditable({ planStatus: 'submitted' })).toBe(false);
    expect(planEditable({ planStatus: 'approved' })).toBe(false);
  });
});

import type { EnrolmentView } from '@platform/contracts/training/classes';
import { describe, expect, it } from 'vitest';
import { canStartLearning, canWithdraw, learnPath } from './enrolment-state';

const enrolment = (status: 'enrolled' | 'withdrawn') =>
  ({ id: 'e1', status, class: { startsOn: '2026-03-01', endsOn: '2026-03-31' } }) as EnrolmentView;

describe('my training', () => {
  it('opens learning only inside the class dates and while enrolled', () => {
    expect(canStartLearning(enrolment('enrolled'), '2026-02-28')).toBe(false);
    expect(canStartLearning(enrolment('enrolled'), '2026-03-01')).toBe(true);
    expect(canStartLearning(enrolment('enrolled'), '2026-03-31')).toBe(true);
    expect(canStartLearning(enrolment('enrolled'), '2026-04-01')).toBe(false);
    expect(canStartLearning(enrolment('withdrawn'), '2026-03-10')).toBe(false);
  });

  it('lets a trainee leave before the class ends, and links the player by enrolment', () => {
    expect(canWithdraw(enrolment('enrolled'), '2026-02-01')).toBe(true);
    expect(canWithdraw(enrolment('enrolled'), '2026-04-01')).toBe(false);
    expect(learnPath({ id: 'e1' })).toBe('/training/learn/e1');
  });
});

import { describe, expect, it } from 'vitest';
import type { LearningProgress } from '@/api/learning';
import { onlineTarget } from './progress-view';

const progress = (modules: LearningProgress['modules']) =>
  ({ minutesPerXueshi: 45, modules }) as unknown as LearningProgress;

describe('onlineTarget', () => {
  it('measures credited minutes against the online modules only, at the policy’s minutes per 学时', () => {
    const target = onlineTarget(
      progress([
        { name: '理论知识', kind: 'theory', delivery: 'online', requiredXueshi: 40, creditedMinutes: 90 },
        { name: '居家实操', kind: 'practical', delivery: 'online', requiredXueshi: 12, creditedMinutes: 0 },
        { name: '线下实训', kind: 'practical', delivery: 'offline', requiredXueshi: 8, creditedMinutes: 0 },
      ]),
    );
    expect(target).toEqual({ credited: 90, required: 52 * 45, percent: 3.8 });
  });

  it('never shows more than 100%', () => {
    const target = onlineTarget(
      progress([
        { name: '理论', kind: 'theory', delivery: 'online', requiredXueshi: 1, creditedMinutes: 100 },
      ]),
    );
    expect(target.percent).toBe(100);
  });
});

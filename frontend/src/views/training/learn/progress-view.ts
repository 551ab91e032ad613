import type { LearningProgress } from '@/api/learning';

/** Minutes the trainee must log online: the online modules' 学时 at the policy's minutes per 学时. */
export function onlineTarget(progress: LearningProgress): {
  credited: number;
  required: number;
  percent: number;
} {
  const online = progress.modules.filter((m) => m.delivery === 'online');
  const required = online.reduce((sum, m) => sum + m.requiredXueshi * progress.minutesPerXueshi, 0);
  const credited = online.reduce((sum, m) => sum + m.creditedMinutes, 0);
  const percent = required ? Math.min(100, Math.round((credited / required) * 1000) / 10) : 0;
  return { credited: Math.round(credited * 10) / 10, required, percent };
}

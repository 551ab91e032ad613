import { randomInt } from 'node:crypto';
import type { Caller } from './fair-fixtures';
import { uniqueUscc } from './fair-fixtures';

/** Catalogue fixtures: an institution, a platform and a course, made through the api as staff would. */

export async function institution(call: Caller, overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/training/institutions', {
    name: '重庆山城职业培训学校',
    unifiedSocialCreditCode: uniqueUscc(),
    kind: 'training_institution',
    district: '渝北区',
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`institution: ${response.body}`);
  return response.json() as { id: string; name: string };
}

export async function platform(call: Caller, overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/training/platforms', {
    name: '中国职业培训在线',
    url: 'http://px.class.com.cn',
    kind: 'mohrss',
    operator: '人力资源社会保障部',
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`platform: ${response.body}`);
  return response.json() as { id: string };
}

export function uniqueCourseCode(prefix = 'CQ'): string {
  return `${prefix}-${randomInt(0, 1e9)}`;
}

/** 40 theory 学时 online, 12 home practice online, 8 offline: the happy path of TR-19. */
export function courseInput(
  institutionId: string,
  platformId: string | null,
  overrides: Record<string, unknown> = {},
) {
  return {
    code: uniqueCourseCode(),
    title: '育婴员（五级）线上培训',
    institutionId,
    platformId,
    occupation: '育婴员',
    level: 'level5',
    kind: 'skills',
    description: '婴幼儿生活照料、保健与早期教育。',
    modules: [
      { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
      { name: '居家实操练习', kind: 'practical', hours: 12, delivery: 'online' },
      { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
    ],
    ...overrides,
  };
}

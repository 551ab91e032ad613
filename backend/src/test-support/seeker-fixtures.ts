import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomInt } from 'node:crypto';
import { caller } from './fair-fixtures';
import { registerUser } from './test-app';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A 身份证 number with a correct GB 11643 check digit (Chongqing 渝中区, born 1998). */
export function validIdNumber(): string {
  const first17 = `500103${'1998'}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

export function resumeInput(overrides: Record<string, unknown> = {}) {
  return {
    headline: '计算机科学与技术专业应届毕业生',
    summary: '熟悉 Java 与 Vue，参与过校园二手交易平台开发。',
    education: [
      { school: '重庆大学', major: '计算机科学与技术', degree: 'bachelor', from: '2022-09', to: '2026-06' },
    ],
    experience: [
      {
        organization: '重庆某软件公司',
        role: '实习开发',
        from: '2025-07',
        to: '2025-09',
        description: '后端接口开发',
      },
    ],
    skills: ['Java', 'Vue', 'PostgreSQL'],
    certificates: ['大学英语六级'],
    expectations: { positionTitle: 'Java 开发工程师', district: '渝北区', salaryMin: 6000, salaryMax: 9000 },
    visibility: 'searchable',
    ...overrides,
  };
}

/** A seeker who verified their real name, filled in the profile and the resume. */
export async function readySeeker(
  app: NestFastifyApplication,
  profile: Record<string, unknown> = {},
  resume: Record<string, unknown> = {},
) {
  const user = await registerUser(app, ['seeker']);
  const call = caller(app, user.accessToken);
  const idNumber = validIdNumber();
  const verified = await call('POST', '/api/seekers/me/verification', { realName: '李明', idNumber });
  if (verified.statusCode !== 201) throw new Error(`verify: ${verified.body}`);
  const saved = await call('PUT', '/api/seekers/me', {
    university: '重庆大学',
    major: '计算机科学与技术',
    degree: 'bachelor',
    cohort: 2026,
    flags: [],
    ...profile,
  });
  if (saved.statusCode !== 200) throw new Error(`profile: ${saved.body}`);
  const cv = await call('PUT', '/api/resumes/me', resumeInput(resume));
  if (cv.statusCode !== 200) throw new Error(`resume: ${cv.body}`);
  return { user, call, idNumber };
}

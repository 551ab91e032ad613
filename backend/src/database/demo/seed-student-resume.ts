import { ResumeInputSchema, type ResumeInput } from '@platform/contracts';
import { sql } from 'drizzle-orm';
import type { Database } from '../../infra/database/database';
import { resumes, seekerProfiles } from '../schema';
import { findDemoStudent } from './seed-training';

/**
 * The demo student's resume (李明: 计算机 2019, placed by the demo agency as a Java developer in
 * 2020, see seed-agency-subsidies.ts), so 我的简历, 职位推荐 and applying show something at the
 * first login instead of "create your resume first". Checked against the api's own input schema.
 */
export const DEMO_STUDENT_RESUME: ResumeInput = ResumeInputSchema.parse({
  headline: '计算机科学与技术专业，三年 Java 后端开发经验，求职 Java 开发工程师',
  summary:
    '熟悉 Spring 与 MySQL，做过政务服务系统的接口开发与性能优化；沟通顺畅，愿意在渝北区或两江新区工作。',
  education: [
    { school: '重庆邮电大学', major: '计算机科学与技术', degree: 'bachelor', from: '2015-09', to: '2019-06' },
  ],
  experience: [
    {
      organization: '重庆山城智联信息技术有限公司',
      role: 'Java 开发工程师',
      from: '2020-03',
      to: '2023-03',
      description: '负责办事预约与材料核验接口的开发和维护（Java、Spring、MySQL），参与 Linux 服务器部署。',
    },
  ],
  skills: ['Java', 'Spring', 'MySQL', 'SQL', 'Linux', 'JavaScript', '团队协作'],
  certificates: ['英语四级', '计算机二级'],
  expectations: { positionTitle: 'Java 开发工程师', district: '渝北区', salaryMin: 8000, salaryMax: 12000 },
  visibility: 'searchable',
});

/**
 * Writes the resume only where the student has none (a resume edited in the demo is kept) and
 * fills the profile's school fields where empty. Returns what it did, for the demo's log.
 * The row bypasses the search outbox like all generated demo rows: the demo's reindex follows.
 */
export async function seedDemoStudentResume(db: Database): Promise<string> {
  const student = await findDemoStudent(db);
  if (!student) return 'demo student resume: no demo student (run the seed first)';
  const { visibility, ...content } = DEMO_STUDENT_RESUME;
  const school = { university: '重庆邮电大学', major: '计算机科学与技术', degree: 'bachelor', cohort: 2019 };
  await db
    .insert(seekerProfiles)
    .values({ userId: student.id, ...school })
    .onConflictDoUpdate({
      target: seekerProfiles.userId,
      set: {
        university: sql`coalesce(${seekerProfiles.university}, ${school.university})`,
        major: sql`coalesce(${seekerProfiles.major}, ${school.major})`,
        degree: sql`coalesce(${seekerProfiles.degree}, ${school.degree})`,
        cohort: sql`coalesce(${seekerProfiles.cohort}, ${school.cohort}::int)`,
      },
    });
  const written = await db
    .insert(resumes)
    .values({ userId: student.id, content, visibility })
    .onConflictDoNothing()
    .returning({ userId: resumes.userId });
  return written.length
    ? 'demo student resume: written (Java 开发工程师, searchable)'
    : 'demo student resume: kept as it is';
}

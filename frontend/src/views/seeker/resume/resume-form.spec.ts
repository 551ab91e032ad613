import { describe, expect, it } from 'vitest';
import { emptyExperience, resumeForm, toResumeBody, unfinishedRows } from './resume-form';

function filled() {
  const form = resumeForm(null);
  form.headline = ' 软件工程应届生 ';
  form.education[0] = {
    school: '重庆大学',
    major: '软件工程',
    degree: 'bachelor',
    from: '2022-09',
    to: '2026-06',
  };
  form.expectations = { positionTitle: '软件开发', district: '渝北区', salaryMin: 6000, salaryMax: 9000 };
  return form;
}

describe('resume form', () => {
  it('starts blank with one education row, visible only to employers applied to', () => {
    const form = resumeForm(null);
    expect(form.education).toHaveLength(1);
    expect(form.visibility).toBe('applied_only');
  });

  it('splits skills on 、 and commas, certificates by line, dropping blanks and repeats', () => {
    const form = filled();
    form.skills = 'Java、Vue， SQL,Java;';
    form.certificates = '英语六级\n\n 计算机二级 \n';
    const body = toResumeBody(form);
    expect(body.skills).toEqual(['Java', 'Vue', 'SQL']);
    expect(body.certificates).toEqual(['英语六级', '计算机二级']);
    expect(body.headline).toBe('软件工程应届生');
  });

  it('drops blank rows and keeps filled ones', () => {
    const form = filled();
    form.experience.push(emptyExperience());
    const body = toResumeBody(form);
    expect(body.education).toHaveLength(1);
    expect(body.experience).toEqual([]);
  });

  it('points at rows started but not finished; an experience needs no description', () => {
    const form = filled();
    form.education.push({ school: '西南大学', major: '', degree: '', from: '', to: '' });
    form.experience.push({
      organization: '某公司',
      role: '实习生',
      from: '2025-07',
      to: '2025-09',
      description: '',
    });
    expect(unfinishedRows(form)).toEqual([{ section: 'education', row: 2 }]);
  });

  it('round-trips a saved resume', () => {
    const body = toResumeBody(filled());
    const again = toResumeBody(
      resumeForm({
        ...body,
        userId: 'u',
        displayName: '王同学',
        university: null,
        cohort: null,
        contacts: { phone: null, email: null, masked: false },
        updatedAt: '',
      }),
    );
    expect(again).toEqual(body);
  });
});

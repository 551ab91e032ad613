import { describe, expect, it } from 'vitest';
import { flagsMissingEvidence, profileForm, toProfileBody } from './profile-form';

describe('profile form', () => {
  it('starts a new profile in this year’s cohort with no flag ticked', () => {
    const form = profileForm(null, 2026);
    expect(form.cohort).toBe(2026);
    expect(Object.values(form.flags).some((f) => f.on)).toBe(false);
  });

  it('sends only ticked flags, with their evidence trimmed, and leaves out an empty leaving date', () => {
    const form = profileForm(null, 2026);
    Object.assign(form, { university: ' 重庆大学 ', major: '软件工程', degree: 'bachelor' });
    form.flags.low_income_family = { on: true, evidence: ' 学校资助中心认定 ' };
    form.flags.hubei_origin = { on: false, evidence: '不该发送' };
    expect(toProfileBody(form)).toEqual({
      university: '重庆大学',
      major: '软件工程',
      degree: 'bachelor',
      cohort: 2026,
      flags: [{ flag: 'low_income_family', evidence: '学校资助中心认定' }],
    });
  });

  it('names the ticked flags that still lack evidence', () => {
    const form = profileForm(null, 2026);
    form.flags.hubei_origin.on = true;
    form.flags.migrant_worker = { on: true, evidence: '务工证明' };
    expect(flagsMissingEvidence(form)).toEqual(['hubei_origin']);
  });

  it('round-trips a saved profile', () => {
    const saved = {
      userId: 'u',
      realName: null,
      idNumberMasked: null,
      verified: false,
      university: '西南大学',
      major: '法学',
      degree: 'master',
      cohort: 2025,
      leftSchoolOn: '2025-07-01',
      flags: [{ flag: 'unemployed_graduate' as const, evidence: '区就业局登记' }],
    };
    const body = toProfileBody(profileForm(saved, 2026));
    expect(body).toEqual({
      university: '西南大学',
      major: '法学',
      degree: 'master',
      cohort: 2025,
      leftSchoolOn: '2025-07-01',
      flags: [{ flag: 'unemployed_graduate', evidence: '区就业局登记' }],
    });
  });
});

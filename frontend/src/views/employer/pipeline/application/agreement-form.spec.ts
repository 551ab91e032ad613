import { describe, expect, it } from 'vitest';
import { agreementForm, termProblem, toTermsBody } from './agreement-form';

describe('agreement form', () => {
  it('sends no end date for an open-ended contract, whatever was typed before', () => {
    const form = { ...agreementForm('软件开发工程师', '渝北区'), startOn: '2026-07-01', endOn: '2029-06-30' };
    form.openEnded = true;
    expect(termProblem(form)).toBeNull();
    expect(toTermsBody(form)).toMatchObject({ openEnded: true, endOn: null, startOn: '2026-07-01' });
  });

  it('asks for an end after the start for a fixed term', () => {
    const form = { ...agreementForm('软件开发工程师', '渝北区'), startOn: '2026-07-01' };
    expect(termProblem(form)).toBe('endMissing');
    expect(termProblem({ ...form, endOn: '2026-07-01' })).toBe('endBeforeStart');
    expect(termProblem({ ...form, endOn: '2029-06-30' })).toBeNull();
    expect(termProblem({ ...form, startOn: '' })).toBe('startMissing');
  });

  it('trims text and sends the salary as a whole number', () => {
    const form = {
      ...agreementForm(' 软件开发工程师 ', ' 渝北区 '),
      startOn: '2026-07-01',
      endOn: '2029-06-30',
      monthlySalary: 8000,
    };
    expect(toTermsBody(form)).toEqual({
      kind: 'employment_agreement',
      positionTitle: '软件开发工程师',
      monthlySalary: 8000,
      workplace: '渝北区',
      startOn: '2026-07-01',
      endOn: '2029-06-30',
      openEnded: false,
      probationMonths: 0,
      otherTerms: '',
    });
  });
});

import { agencyEligibilityFailures } from '@platform/contracts/fairs/agency-eligibility';
import { describe, expect, it } from 'vitest';
import {
  applicationBody,
  applicationFacts,
  CONDITION_CODES,
  conditionStates,
  emptyApplicationForm,
  type ApplicationForm,
} from './application-form';

function complete(): ApplicationForm {
  const form = emptyApplicationForm();
  form.licenseNumber = '渝人社服证字〔2019〕001号';
  form.fairColumnUrl = 'https://jobs.example.cn/fair';
  form.features = { column: true, invitation: true, videoInterview: true };
  form.freeInterviewMinutesPerEmployer = 300;
  form.teamLead = { name: '周总', rank: 'vice_general_manager', phone: '13900000000' };
  form.groups = form.groups.map((g, i) => ({ ...g, name: `负责人${i}`, phone: `1390000000${i}` }));
  form.privacyMeasures = '数据加密存储，最小授权访问';
  return form;
}

const ALL_DOCUMENTS = ['application_form', 'team_roster', 'privacy_measures'] as const;

describe('conditionStates', () => {
  it('names every condition the shared check can fail, so the page lists them all', () => {
    const nothing = applicationFacts(emptyApplicationForm(), '', []);
    expect(agencyEligibilityFailures(nothing).map((c) => c.code)).toEqual([...CONDITION_CODES]);
  });

  it('passes a complete application with all three documents', () => {
    const states = conditionStates(applicationFacts(complete(), 'https://hr.example.cn', ALL_DOCUMENTS));
    expect(states.every((state) => state.met)).toBe(true);
  });

  it('fails 299 free minutes and a lead below deputy general manager, and only those', () => {
    const form = complete();
    form.freeInterviewMinutesPerEmployer = 299;
    form.teamLead.rank = 'director';
    const failed = conditionStates(applicationFacts(form, 'https://hr.example.cn', ALL_DOCUMENTS))
      .filter((state) => !state.met)
      .map((state) => state.code);
    expect(failed).toEqual(['AGENCY_FREE_MINUTES_TOO_FEW', 'AGENCY_LEAD_NOT_SENIOR']);
  });

  it('fails the privacy condition while attachment 3 is missing', () => {
    const states = conditionStates(
      applicationFacts(complete(), 'https://hr.example.cn', ['application_form', 'team_roster']),
    );
    expect(states.find((state) => state.code === 'AGENCY_NO_PRIVACY_MEASURES')?.met).toBe(false);
  });
});

describe('applicationBody', () => {
  it('sends all five groups, trimmed', () => {
    const form = complete();
    form.groups[0].name = '  王工 ';
    const body = applicationBody(form);
    expect(body.groups).toHaveLength(5);
    expect(body.groups[0]).toEqual({ group: 'tech_security', name: '王工', phone: '13900000000' });
  });
});

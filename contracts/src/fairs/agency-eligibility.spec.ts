import { describe, expect, it } from 'vitest';
import {
  AGENCY_TEAM_GROUPS,
  agencyEligibilityFailures,
  AgencyApplicationFacts,
  beforeAgencyDeadline,
} from './agency-eligibility';

const complete: AgencyApplicationFacts = {
  licenseNumber: '渝人社许字〔2019〕001号',
  siteUrl: 'https://jobs.example.cn',
  fairColumnUrl: 'https://jobs.example.cn/fair-2020',
  features: { column: true, invitation: true, videoInterview: true },
  freeInterviewMinutesPerEmployer: 300,
  teamLead: { name: '王强', rank: 'vice_general_manager', phone: '13800000000' },
  groups: AGENCY_TEAM_GROUPS.map((group, i) => ({ group, name: `负责人${i}`, phone: `1380000000${i}` })),
  privacyMeasures: '数据加密存储、访问留痕、最小授权',
  attachments: ['application_form', 'team_roster', 'privacy_measures'],
};
const codes = (facts: AgencyApplicationFacts) => agencyEligibilityFailures(facts).map((c) => c.code);

describe('agency eligibility (recruitment.md §2.2)', () => {
  it('accepts an application meeting all five conditions, 300 minutes exactly included', () => {
    expect(codes(complete)).toEqual([]);
  });

  it('AS-07: 200 free minutes, a lead below 副总, four groups or no 附件3 each fail their own condition', () => {
    expect(codes({ ...complete, freeInterviewMinutesPerEmployer: 200 })).toEqual([
      'AGENCY_FREE_MINUTES_TOO_FEW',
    ]);
    expect(codes({ ...complete, teamLead: { ...complete.teamLead, rank: 'director' } })).toEqual([
      'AGENCY_LEAD_NOT_SENIOR',
    ]);
    expect(codes({ ...complete, groups: complete.groups.slice(0, 4) })).toEqual([
      'AGENCY_TEAM_GROUPS_INCOMPLETE',
    ]);
    expect(codes({ ...complete, attachments: ['application_form', 'team_roster'] })).toEqual([
      'AGENCY_NO_PRIVACY_MEASURES',
    ]);
  });

  it('a group listed without a contact phone does not count as named', () => {
    const groups = complete.groups.map((g, i) => (i === 2 ? { ...g, phone: ' ' } : g));
    expect(codes({ ...complete, groups })).toEqual(['AGENCY_TEAM_GROUPS_INCOMPLETE']);
  });

  it('a site without the video-interview feature fails condition 2', () => {
    expect(codes({ ...complete, features: { ...complete.features, videoInterview: false } })).toEqual([
      'AGENCY_NO_OWN_SITE',
    ]);
  });

  it('"3月4日之前" excludes the deadline day unless the fair says it is inclusive', () => {
    expect(beforeAgencyDeadline('2020-03-03', '2020-03-04', false)).toBe(true);
    expect(beforeAgencyDeadline('2020-03-04', '2020-03-04', false)).toBe(false);
    expect(beforeAgencyDeadline('2020-03-04', '2020-03-04', true)).toBe(true);
  });
});

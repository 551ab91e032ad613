import {
  AGENCY_TEAM_GROUPS,
  type AgencyApplicationFacts,
  type AgencyAttachmentKind,
  type AgencyTeamGroup,
  agencyEligibilityFailures,
  type LeadRank,
} from '@platform/contracts/fairs/agency-eligibility';
import type { ApplicationBody } from '@/api/agencies';
import type { AgencyApplication } from '@/api/fair-types';

/**
 * Every condition code agencyEligibilityFailures can return, in the order of S3:3736-3752
 * (the fourth condition, the team, is two checks: a senior lead and five named groups).
 */
export const CONDITION_CODES = [
  'AGENCY_NO_QUALIFICATION',
  'AGENCY_NO_OWN_SITE',
  'AGENCY_FREE_MINUTES_TOO_FEW',
  'AGENCY_LEAD_NOT_SENIOR',
  'AGENCY_TEAM_GROUPS_INCOMPLETE',
  'AGENCY_NO_PRIVACY_MEASURES',
] as const;

export interface ApplicationForm {
  licenseNumber: string;
  fairColumnUrl: string;
  features: { column: boolean; invitation: boolean; videoInterview: boolean };
  freeInterviewMinutesPerEmployer: number;
  teamLead: { name: string; rank: LeadRank; phone: string };
  groups: { group: AgencyTeamGroup; name: string; phone: string }[];
  privacyMeasures: string;
}

export function emptyApplicationForm(): ApplicationForm {
  return {
    licenseNumber: '',
    fairColumnUrl: '',
    features: { column: false, invitation: false, videoInterview: false },
    freeInterviewMinutesPerEmployer: 0,
    teamLead: { name: '', rank: 'manager', phone: '' },
    groups: AGENCY_TEAM_GROUPS.map((group) => ({ group, name: '', phone: '' })),
    privacyMeasures: '',
  };
}

/** A stored application back in the form, every one of the five groups present. */
export function applicationFormOf(application: AgencyApplication): ApplicationForm {
  const facts = application.facts;
  return {
    licenseNumber: facts.licenseNumber,
    fairColumnUrl: facts.fairColumnUrl,
    features: { ...facts.features },
    freeInterviewMinutesPerEmployer: facts.freeInterviewMinutesPerEmployer,
    teamLead: { ...facts.teamLead, rank: facts.teamLead.rank as LeadRank },
    groups: AGENCY_TEAM_GROUPS.map((group) => {
      const found = facts.groups.find((entry) => entry.group === group);
      return { group, name: found?.name ?? '', phone: found?.phone ?? '' };
    }),
    privacyMeasures: facts.privacyMeasures,
  };
}

export function applicationBody(form: ApplicationForm): ApplicationBody {
  return {
    licenseNumber: form.licenseNumber.trim(),
    fairColumnUrl: form.fairColumnUrl.trim(),
    features: { ...form.features },
    freeInterviewMinutesPerEmployer: form.freeInterviewMinutesPerEmployer,
    teamLead: {
      name: form.teamLead.name.trim(),
      rank: form.teamLead.rank,
      phone: form.teamLead.phone.trim(),
    },
    groups: form.groups.map((g) => ({ group: g.group, name: g.name.trim(), phone: g.phone.trim() })),
    privacyMeasures: form.privacyMeasures.trim(),
  };
}

/** The same facts the api will judge: the form, the profile's own site and the uploaded documents. */
export function applicationFacts(
  form: ApplicationForm,
  siteUrl: string,
  attachments: readonly AgencyAttachmentKind[],
): AgencyApplicationFacts {
  return { ...applicationBody(form), siteUrl, attachments: [...new Set(attachments)] };
}

/** Each condition with whether it holds, computed exactly as the api computes it. */
export function conditionStates(
  facts: AgencyApplicationFacts,
): { code: string; met: boolean; citation: string }[] {
  const failed = new Map(agencyEligibilityFailures(facts).map((condition) => [condition.code, condition]));
  return CONDITION_CODES.map((code) => ({
    code,
    met: !failed.has(code),
    citation: failed.get(code)?.citation ?? '',
  }));
}

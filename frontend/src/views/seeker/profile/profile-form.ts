import type { EducationLevel } from '@platform/contracts/fairs/catalog';
import { SEEKER_FLAGS, type SeekerFlag } from '@platform/contracts/seekers/catalog';
import type { SeekerProfile } from '@/api/pipeline-types';
import type { ProfileBody } from '@/api/seekers';

export interface ProfileForm {
  university: string;
  major: string;
  degree: EducationLevel | '';
  cohort: number | undefined;
  leftSchoolOn: string;
  /** Every key-group flag, ticked or not, with the evidence that backs it. */
  flags: Record<SeekerFlag, { on: boolean; evidence: string }>;
}

export function profileForm(profile: SeekerProfile | null, thisYear: number): ProfileForm {
  const given = new Map((profile?.flags ?? []).map((f) => [f.flag, f.evidence]));
  const flags = Object.fromEntries(
    SEEKER_FLAGS.map((flag) => [flag, { on: given.has(flag), evidence: given.get(flag) ?? '' }]),
  ) as ProfileForm['flags'];
  return {
    university: profile?.university ?? '',
    major: profile?.major ?? '',
    degree: (profile?.degree as EducationLevel | null) ?? '',
    cohort: profile?.cohort ?? thisYear,
    leftSchoolOn: profile?.leftSchoolOn ?? '',
    flags,
  };
}

/** Ticked flags without evidence, which the api would refuse: the form names them. */
export function flagsMissingEvidence(form: ProfileForm): SeekerFlag[] {
  return SEEKER_FLAGS.filter((flag) => form.flags[flag].on && !form.flags[flag].evidence.trim());
}

export function toProfileBody(form: ProfileForm): ProfileBody {
  return {
    university: form.university.trim(),
    major: form.major.trim(),
    degree: form.degree as EducationLevel,
    cohort: Number(form.cohort),
    ...(form.leftSchoolOn ? { leftSchoolOn: form.leftSchoolOn } : {}),
    flags: SEEKER_FLAGS.filter((flag) => form.flags[flag].on).map((flag) => ({
      flag,
      evidence: form.flags[flag].evidence.trim(),
    })),
  };
}

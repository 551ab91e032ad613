import type { AgreementTerms } from '@/api/pipeline-types';

export interface AgreementForm {
  kind: 'employment_agreement' | 'labor_contract';
  positionTitle: string;
  monthlySalary?: number;
  workplace: string;
  startOn: string;
  endOn: string;
  /** 无固定期限: no end date. */
  openEnded: boolean;
  probationMonths: number;
  otherTerms: string;
}

export function agreementForm(positionTitle: string, workplace: string): AgreementForm {
  return {
    kind: 'employment_agreement',
    positionTitle,
    workplace,
    startOn: '',
    endOn: '',
    openEnded: false,
    probationMonths: 0,
    otherTerms: '',
  };
}

/** What is wrong with the term, before the api is asked: the same rule as AgreementTermsSchema. */
export function termProblem(form: AgreementForm): 'startMissing' | 'endMissing' | 'endBeforeStart' | null {
  if (!form.startOn) return 'startMissing';
  if (form.openEnded) return null;
  if (!form.endOn) return 'endMissing';
  return form.endOn > form.startOn ? null : 'endBeforeStart';
}

export function toTermsBody(form: AgreementForm): AgreementTerms {
  return {
    kind: form.kind,
    positionTitle: form.positionTitle.trim(),
    monthlySalary: Number(form.monthlySalary ?? 0),
    workplace: form.workplace.trim(),
    startOn: form.startOn,
    endOn: form.openEnded ? null : form.endOn,
    openEnded: form.openEnded,
    probationMonths: form.probationMonths,
    otherTerms: form.otherTerms.trim(),
  };
}

import type { EnrolmentView } from '@platform/contracts/training/classes';

/** Learning opens on the class's first day and closes after its last (Asia/Shanghai dates). */
export function canStartLearning(enrolment: EnrolmentView, today: string): boolean {
  return (
    enrolment.status === 'enrolled' && enrolment.class.startsOn <= today && today <= enrolment.class.endsOn
  );
}

/** A trainee may leave a class they are in until it ends. */
export function canWithdraw(enrolment: EnrolmentView, today: string): boolean {
  return enrolment.status === 'enrolled' && today <= enrolment.class.endsOn;
}

export function learnPath(enrolment: Pick<EnrolmentView, 'id'>): string {
  return `/training/learn/${enrolment.id}`;
}

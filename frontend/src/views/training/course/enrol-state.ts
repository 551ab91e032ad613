import type { ClassView } from '@platform/contracts/training/classes';

/** What the 报名 button of an open class does for this visitor. */
export type EnrolAction = 'enrolled' | 'full' | 'signIn' | 'traineeOnly' | 'enrol';

export function enrolAction(
  cls: Pick<ClassView, 'id' | 'capacity' | 'enrolled'>,
  visitor: { signedIn: boolean; trainee: boolean; enrolledIn: ReadonlySet<string> },
): EnrolAction {
  if (visitor.enrolledIn.has(cls.id)) return 'enrolled';
  if (cls.capacity !== null && cls.enrolled >= cls.capacity) return 'full';
  if (!visitor.signedIn) return 'signIn';
  return visitor.trainee ? 'enrol' : 'traineeOnly';
}

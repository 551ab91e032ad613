import { Actor, hasAnyRole, STAFF_ROLES } from '../../../common/auth/actor';
import { AppError } from '../../../common/errors/app-error';

/** A trainee reads their own completion records; organizers and administrators read anyone's. */
export function assertMayRead(actor: Actor, ownerId: string): void {
  if (actor.userId === ownerId || hasAnyRole(actor, STAFF_ROLES)) return;
  throw new AppError(
    'FORBIDDEN_NOT_OWNER',
    'Only the trainee or a reviewer may see this. 仅学员本人或审核人员可查看。',
  );
}

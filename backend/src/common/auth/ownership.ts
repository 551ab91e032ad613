import type { Role } from '@platform/contracts';
import { AppError } from '../errors/app-error';
import { Actor, hasAnyRole } from './actor';

/**
 * The ownership check every feature reuses: the caller owns the record, or holds one of the
 * roles that may act on anyone's (e.g. organizers reviewing). Call it in the service, after
 * loading the record, so a missing record and a foreign record are told apart.
 */
export function assertOwnerOrRole(
  actor: Actor,
  ownerId: string,
  overridingRoles: readonly Role[] = [],
): void {
  if (actor.userId === ownerId) return;
  if (overridingRoles.length && hasAnyRole(actor, overridingRoles)) return;
  throw new AppError('FORBIDDEN_NOT_OWNER', 'This record belongs to someone else. 无权访问他人的数据。');
}

import { maskEmail, maskPhone, UserView } from '@platform/contracts';
import type { UserWithRoles } from './users.repository';

/** Contacts leave the api masked, even to their owner: the full value is never needed back. */
export function toUserView(user: UserWithRoles): UserView {
  return {
    id: user.id,
    displayName: user.displayName,
    phone: maskPhone(user.phone) ?? undefined,
    email: maskEmail(user.email) ?? undefined,
    roles: user.roles,
    createdAt: user.createdAt.toISOString(),
  };
}

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
    // Only staff act for a district; null means city-wide.
    ...(user.roles.includes('organizer') || user.roles.includes('admin') ? { district: user.district } : {}),
    createdAt: user.createdAt.toISOString(),
  };
}

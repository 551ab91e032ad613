import type { Role } from '@platform/contracts';
import type { FastifyRequest } from 'fastify';

/** The authenticated caller, as proven by the access token. */
export interface Actor {
  userId: string;
  roles: Role[];
  /** The login (refresh-token family) this access token belongs to; logout revokes it. */
  sessionId: string;
}

export type AuthedRequest = FastifyRequest & { actor?: Actor };

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/** Staff who may read and review anyone's records: 人社 organizers and administrators. */
export const STAFF_ROLES = ['organizer', 'admin'] as const satisfies readonly Role[];

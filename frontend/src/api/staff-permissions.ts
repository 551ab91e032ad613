import { api } from './client';
import { read } from './read';

/** 指定专人 permissions an admin grants beyond the role (bulk export, 社保 import, activity import). */
export const STAFF_PERMISSION_KEYS = ['bulk_export', 'si_import', 'activity_import'] as const;
export type StaffPermissionKey = (typeof STAFF_PERMISSION_KEYS)[number];
export interface StaffMember {
  userId: string;
  displayName: string;
  contact: string;
  roles: string[];
  permissions: StaffPermissionKey[];
}

export function listStaff() {
  return read<{ items: StaffMember[] }>(api.GET('/api/staff-permissions'));
}

export function grantPermission(userId: string, permission: StaffPermissionKey) {
  return read(
    api.POST('/api/users/{id}/permissions', { params: { path: { id: userId } }, body: { permission } }),
  );
}

export function revokePermission(userId: string, permission: StaffPermissionKey) {
  return read(
    api.DELETE('/api/users/{id}/permissions/{permission}', { params: { path: { id: userId, permission } } }),
  );
}

import type { UserView } from '@platform/contracts/auth';
import { api } from './client';
import { read } from './read';
import type { components } from './schema';

/** 指定专人 permissions an admin grants beyond the role (bulk export, 社保 import, activity import). */
export const STAFF_PERMISSION_KEYS = ['bulk_export', 'si_import', 'activity_import'] as const;
export type StaffPermissionKey = (typeof STAFF_PERMISSION_KEYS)[number];
export interface StaffMember {
  userId: string;
  displayName: string;
  contact: string;
  roles: string[];
  /** The 区县 an organizer acts for; null = city-wide. */
  district: string | null;
  permissions: StaffPermissionKey[];
}
export type StaffDistrict = components['schemas']['SetStaffDistrictDto']['district'];

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

/** A district organizer reviews only that 区县's plans, completions and claims; null = city-wide. */
export function setStaffDistrict(userId: string, district: StaffDistrict): Promise<UserView> {
  return read(api.PUT('/api/users/{id}/district', { params: { path: { id: userId } }, body: { district } }));
}

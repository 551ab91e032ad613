import type { StaffAccountList, UserView } from '@platform/contracts/auth';
import { api } from './client';
import { read } from './read';
import type { components } from './schema';

export type StaffDistrict = components['schemas']['SetStaffDistrictDto']['district'];

/** 账号管理: organizer and admin accounts with the 区县 each acts for (null = city-wide). */
export async function staffAccounts(): Promise<UserView[]> {
  return (await read<StaffAccountList>(api.GET('/api/users/staff'))).items;
}

export function setStaffDistrict(userId: string, district: StaffDistrict): Promise<UserView> {
  return read(api.PUT('/api/users/{id}/district', { params: { path: { id: userId } }, body: { district } }));
}

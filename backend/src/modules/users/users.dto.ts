import { ROLES, SetStaffDistrictSchema } from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class UpdateProfileDto extends createZodDto(
  z.object({ displayName: z.string().trim().min(1).max(64) }).strict(),
) {}
export class GrantRolesDto extends createZodDto(
  z.object({ roles: z.array(z.enum(ROLES)).min(1) }).strict(),
) {}
export class UserIdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class SetStaffDistrictDto extends createZodDto(SetStaffDistrictSchema) {}

import { Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { STAFF_PERMISSIONS } from '../../common/auth/staff-permission';
import { StaffPermissionsService } from './staff-permissions.service';

const StaffMemberSchema = z.object({
  userId: z.string().uuid(),
  displayName: z.string(),
  contact: z.string(),
  roles: z.array(z.string()),
  district: z.string().nullable(),
  permissions: z.array(z.enum(STAFF_PERMISSIONS)),
});
class StaffMemberListDto extends createZodDto(z.object({ items: z.array(StaffMemberSchema) })) {}
class RevokeParams extends createZodDto(
  z.object({ id: z.string().uuid(), permission: z.enum(STAFF_PERMISSIONS) }),
) {}
class RevokedDto extends createZodDto(z.object({ userId: z.string().uuid(), permission: z.string() })) {}

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class StaffPermissionsController {
  constructor(private readonly permissions: StaffPermissionsService) {}

  @Get('staff-permissions')
  @ZodResponse({ status: 200, type: StaffMemberListDto })
  async list() {
    return { items: await this.permissions.staff() };
  }

  @Delete('users/:id/permissions/:permission')
  @ZodResponse({ status: 200, type: RevokedDto })
  revoke(@CurrentActor() actor: Actor, @Param() params: RevokeParams) {
    return this.permissions.revoke(actor, params.id, params.permission);
  }
}

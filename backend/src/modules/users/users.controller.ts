import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { UserViewDto } from '../auth/auth.dto';
import { GrantRolesDto, SetStaffDistrictDto, UpdateProfileDto, UserIdParams } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get(':id')
  @ZodResponse({ status: 200, type: UserViewDto })
  get(@CurrentActor() actor: Actor, @Param() params: UserIdParams) {
    return this.users.view(actor, params.id);
  }

  @Patch(':id')
  @ZodResponse({ status: 200, type: UserViewDto })
  update(@CurrentActor() actor: Actor, @Param() params: UserIdParams, @Body() body: UpdateProfileDto) {
    return this.users.updateProfile(actor, params.id, body.displayName);
  }

  @Roles('admin')
  @Post(':id/roles')
  @ZodResponse({ status: 200, type: UserViewDto })
  grantRoles(@CurrentActor() actor: Actor, @Param() params: UserIdParams, @Body() body: GrantRolesDto) {
    return this.users.grantRoles(actor, params.id, body.roles);
  }

  /** The 区县 an organizer account acts for (null = city-wide); audited. */
  @Roles('admin')
  @Put(':id/district')
  @ZodResponse({ status: 200, type: UserViewDto })
  setDistrict(
    @CurrentActor() actor: Actor,
    @Param() params: UserIdParams,
    @Body() body: SetStaffDistrictDto,
  ) {
    return this.users.setDistrict(actor, params.id, body.district);
  }
}

import { Module } from '@nestjs/common';
import { StaffPermissionsController } from './staff-permissions.controller';
import { StaffPermissionsService } from './staff-permissions.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController, StaffPermissionsController],
  providers: [UsersRepository, UsersService, StaffPermissionsService],
  exports: [UsersRepository, UsersService],
})
export class UsersModule {}

import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PlatformSettingsSchema, UpdateSettingsSchema } from '@platform/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { SettingsService } from './settings.service';

class SettingsDto extends createZodDto(PlatformSettingsSchema) {}
class UpdateSettingsDto extends createZodDto(UpdateSettingsSchema) {}

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  /** Public: every fair page says which epidemic-end date its normalized window runs from. */
  @Public()
  @Get()
  @ZodResponse({ status: 200, type: SettingsDto })
  get() {
    return this.settings.get();
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Put()
  @ZodResponse({ status: 200, type: SettingsDto })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateSettingsDto) {
    return this.settings.update(actor.userId, body);
  }
}

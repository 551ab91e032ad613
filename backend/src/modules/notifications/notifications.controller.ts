import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse, createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { NotificationsService } from './notifications.service';

const NotificationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string().nullable(),
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
});
class NotificationListDto extends createZodDto(NotificationListSchema) {}
class MarkReadDto extends createZodDto(z.object({ ids: z.array(z.string().uuid()).max(200) }).strict()) {}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ZodResponse({ status: 200, type: NotificationListDto })
  async list(@CurrentActor() actor: Actor) {
    return { items: await this.notifications.listMine(actor.userId) };
  }

  @Post('read')
  @HttpCode(204)
  async markRead(@CurrentActor() actor: Actor, @Body() body: MarkReadDto) {
    await this.notifications.markRead(actor.userId, body.ids);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import {
  BoothBoardDto,
  BoothOpenDto,
  BoothParams,
  CallNextDto,
  CallViewDto,
  FairLiveDto,
  FairParams,
  OpenBoothsDto,
  QueuePositionDto,
  QueuePositionListDto,
} from './calls.dto';
import { WaitingRoomService } from './waiting-room.service';

@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class WaitingRoomsController {
  constructor(private readonly rooms: WaitingRoomService) {}

  @Roles('seeker')
  @Get('fairs/:fairId/waiting-rooms')
  @ZodResponse({ status: 200, type: OpenBoothsDto })
  booths(@Param() params: FairParams) {
    return this.rooms.openBooths(params.fairId);
  }

  @Roles('seeker')
  @Post('fairs/:fairId/waiting-rooms/:employerId/queue')
  @ZodResponse({ status: 201, type: QueuePositionDto })
  join(@CurrentActor() actor: Actor, @Param() params: BoothParams) {
    return this.rooms.join(actor, params);
  }

  @Roles('seeker')
  @Delete('fairs/:fairId/waiting-rooms/:employerId/queue')
  @HttpCode(204)
  async leave(@CurrentActor() actor: Actor, @Param() params: BoothParams) {
    await this.rooms.leave(actor, params);
  }

  @Roles('seeker')
  @Get('waiting-rooms/mine')
  @ZodResponse({ status: 200, type: QueuePositionListDto })
  async mine(@CurrentActor() actor: Actor) {
    return { items: await this.rooms.mine(actor, { back: true }) };
  }

  @Roles('employer')
  @Get('fairs/:fairId/booth')
  @ZodResponse({ status: 200, type: BoothBoardDto })
  board(@CurrentActor() actor: Actor, @Param() params: FairParams) {
    return this.rooms.board(actor, params.fairId);
  }

  @Roles('employer')
  @Post('fairs/:fairId/booth')
  @ZodResponse({ status: 201, type: BoothBoardDto })
  setOpen(@CurrentActor() actor: Actor, @Param() params: FairParams, @Body() body: BoothOpenDto) {
    return this.rooms.setOpen(actor, params.fairId, body.open);
  }

  /** 叫号 */
  @Roles('employer')
  @Post('fairs/:fairId/booth/next')
  @ZodResponse({ status: 201, type: CallViewDto })
  next(@CurrentActor() actor: Actor, @Param() params: FairParams, @Body() body: CallNextDto) {
    return this.rooms.callNext(actor, params.fairId, body.acceptOverQuota);
  }

  @Roles('organizer', 'admin')
  @Get('fairs/:fairId/live')
  @ZodResponse({ status: 200, type: FairLiveDto })
  live(@Param() params: FairParams) {
    return this.rooms.fairLive(params.fairId);
  }
}

import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApplicationListSchema, ApplicationMoveSchema, ApplicationSchema } from '@platform/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ResumeDto } from '../seekers/seekers.dto';
import { ApplicationsService } from './applications.service';

class ApplicationDto extends createZodDto(ApplicationSchema) {}
class ApplicationListDto extends createZodDto(ApplicationListSchema) {}
class ApplicationMoveDto extends createZodDto(ApplicationMoveSchema) {}
class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Roles('seeker')
  @Post('positions/:id/applications')
  @ZodResponse({ status: 201, type: ApplicationDto })
  apply(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.applications.apply(actor, params.id);
  }

  /** The employer's screening list for a position. */
  @Roles('employer', 'organizer', 'admin')
  @Get('positions/:id/applications')
  @ZodResponse({ status: 200, type: ApplicationListDto })
  forPosition(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.applications.forPosition(actor, params.id);
  }

  @Roles('seeker')
  @Get('applications/mine')
  @ZodResponse({ status: 200, type: ApplicationListDto })
  mine(@CurrentActor() actor: Actor) {
    return this.applications.mine(actor);
  }

  @Get('applications/:id')
  @ZodResponse({ status: 200, type: ApplicationDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.applications.get(actor, params.id);
  }

  @Roles('seeker')
  @Post('applications/:id/withdrawal')
  @ZodResponse({ status: 201, type: ApplicationDto })
  withdraw(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.applications.withdraw(actor, params.id);
  }

  @Roles('employer')
  @Post('applications/:id/moves')
  @ZodResponse({ status: 201, type: ApplicationDto })
  move(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: ApplicationMoveDto) {
    return this.applications.move(actor, params.id, body.to, body.reason);
  }

  @Roles('employer')
  @Get('applications/:id/resume')
  @ZodResponse({ status: 200, type: ResumeDto })
  resume(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.applications.resumeFor(actor, params.id);
  }
}

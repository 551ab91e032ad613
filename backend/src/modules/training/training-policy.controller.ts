import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { TrainingPolicyService } from './training-policy.service';
import { TrainingPolicyDto, TrainingPolicyInputDto, TrainingPolicyListDto } from './training.dto';

/** Admins set the values the sources leave open; everyone acting on training may read them. */
@ApiTags('training')
@ApiBearerAuth()
@Controller('training/policies')
export class TrainingPolicyController {
  constructor(private readonly policies: TrainingPolicyService) {}

  @Roles('trainee', 'institution', 'organizer', 'admin')
  @Get('current')
  @ZodResponse({ status: 200, type: TrainingPolicyDto })
  current() {
    return this.policies.effectiveAt();
  }

  @Roles('organizer', 'admin')
  @Get()
  @ZodResponse({ status: 200, type: TrainingPolicyListDto })
  list() {
    return this.policies.list();
  }

  @Roles('admin')
  @Post()
  @ZodResponse({ status: 201, type: TrainingPolicyDto })
  create(@CurrentActor() actor: Actor, @Body() body: TrainingPolicyInputDto) {
    return this.policies.create(actor, body);
  }
}

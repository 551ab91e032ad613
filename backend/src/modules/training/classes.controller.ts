import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import {
  ClassDto,
  ClassInputDto,
  ClassListDto,
  ClassPlanDecisionDto,
  ClassPlanQuery,
  InstitutionMemberInputDto,
  InstitutionMemberListDto,
  MemberParams,
  MyInstitutionListDto,
} from './classes.dto';
import { ClassesService } from './classes.service';
import { InstitutionMembersService } from './institution-members.service';
import { CourseListDto, IdParams } from './training.dto';

/** Institution accounts, 开班申请 and the district's review of the online plan (C-3). */
@ApiTags('training')
@ApiBearerAuth()
@Controller('training')
export class ClassesController {
  constructor(
    private readonly members: InstitutionMembersService,
    private readonly classes: ClassesService,
  ) {}

  @Roles('organizer', 'admin')
  @Get('institutions/:id/members')
  @ZodResponse({ status: 200, type: InstitutionMemberListDto })
  async listMembers(@Param() { id }: IdParams) {
    return { items: await this.members.list(id) };
  }

  @Roles('organizer', 'admin')
  @Post('institutions/:id/members')
  @ZodResponse({ status: 201, type: InstitutionMemberListDto })
  async addMember(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: InstitutionMemberInputDto,
  ) {
    return { items: await this.members.add(actor, id, body.identifier) };
  }

  @Roles('organizer', 'admin')
  @Delete('institutions/:id/members/:userId')
  @ZodResponse({ status: 200, type: InstitutionMemberListDto })
  async removeMember(@CurrentActor() actor: Actor, @Param() { id, userId }: MemberParams) {
    return { items: await this.members.remove(actor, id, userId) };
  }

  @Roles('institution')
  @Get('my-institutions')
  @ZodResponse({ status: 200, type: MyInstitutionListDto })
  async myInstitutions(@CurrentActor() actor: Actor) {
    return { items: await this.members.mine(actor) };
  }

  @Roles('institution')
  @Get('institutions/:id/courses')
  @ZodResponse({ status: 200, type: CourseListDto })
  async institutionCourses(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return { items: await this.classes.coursesOf(actor, id) };
  }

  @Roles('institution')
  @Get('institutions/:id/classes')
  @ZodResponse({ status: 200, type: ClassListDto })
  async institutionClasses(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return { items: await this.classes.forInstitution(actor, id) };
  }

  @Roles('institution')
  @Post('institutions/:id/classes')
  @ZodResponse({ status: 201, type: ClassDto })
  createClass(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: ClassInputDto) {
    return this.classes.create(actor, id, body);
  }

  @Roles('institution', 'organizer', 'admin')
  @Get('classes/:id')
  @ZodResponse({ status: 200, type: ClassDto })
  getClass(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.classes.get(actor, id);
  }

  @Roles('institution')
  @Put('classes/:id')
  @ZodResponse({ status: 200, type: ClassDto })
  updateClass(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: ClassInputDto) {
    return this.classes.update(actor, id, body);
  }

  @Roles('institution')
  @Post('classes/:id/submission')
  @ZodResponse({ status: 201, type: ClassDto })
  submit(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.classes.submit(actor, id);
  }

  /** District staff: plans by status (their district's, if the account has one), the submitted ones first. */
  @Roles('organizer', 'admin')
  @Get('class-plans')
  @ZodResponse({ status: 200, type: ClassListDto })
  async plans(@CurrentActor() actor: Actor, @Query() query: ClassPlanQuery) {
    return { items: await this.classes.byPlanStatus(actor, query.status) };
  }

  @Roles('organizer', 'admin')
  @Post('classes/:id/plan-decision')
  @ZodResponse({ status: 201, type: ClassDto })
  decide(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: ClassPlanDecisionDto) {
    return this.classes.decide(actor, id, body);
  }

  /** Public: a course's approved classes still open, for free browsing and enrolment (E1). */
  @Public()
  @Get('courses/:id/classes')
  @ZodResponse({ status: 200, type: ClassListDto })
  async openClasses(@Param() { id }: IdParams) {
    return { items: await this.classes.openForCourse(id) };
  }
}

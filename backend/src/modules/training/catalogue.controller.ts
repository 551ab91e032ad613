import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, OptionalActor, Public, Roles } from '../../common/auth/decorators';
import { CatalogueService } from './catalogue.service';
import {
  CourseDto,
  CourseInputDto,
  CourseListDto,
  CourseOnDateQuery,
  CourseStatusChangeDto,
  EndListingDto,
  IdParams,
  InstitutionDto,
  InstitutionInputDto,
  InstitutionListDto,
  ListingDto,
  ListingInputDto,
  PlatformDto,
  PlatformInputDto,
  PlatformListDto,
} from './training.dto';

/** The training catalogue: staff keep it (K6), everyone may browse published courses (E1). */
@ApiTags('training')
@ApiBearerAuth()
@Controller('training')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Roles('organizer', 'admin')
  @Get('institutions')
  @ZodResponse({ status: 200, type: InstitutionListDto })
  async institutions() {
    return { items: await this.catalogue.institutions() };
  }

  @Roles('organizer', 'admin')
  @Post('institutions')
  @ZodResponse({ status: 201, type: InstitutionDto })
  createInstitution(@CurrentActor() actor: Actor, @Body() body: InstitutionInputDto) {
    return this.catalogue.createInstitution(actor, body);
  }

  @Roles('organizer', 'admin')
  @Put('institutions/:id')
  @ZodResponse({ status: 200, type: InstitutionDto })
  updateInstitution(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: InstitutionInputDto,
  ) {
    return this.catalogue.updateInstitution(actor, id, body);
  }

  /** Institutions name a platform in their class plans, so they read the list too. */
  @Roles('organizer', 'admin', 'institution')
  @Get('platforms')
  @ZodResponse({ status: 200, type: PlatformListDto })
  async platforms() {
    return { items: await this.catalogue.platforms() };
  }

  @Roles('organizer', 'admin')
  @Post('platforms')
  @ZodResponse({ status: 201, type: PlatformDto })
  createPlatform(@CurrentActor() actor: Actor, @Body() body: PlatformInputDto) {
    return this.catalogue.createPlatform(actor, body);
  }

  @Roles('organizer', 'admin')
  @Post('listings')
  @ZodResponse({ status: 201, type: ListingDto })
  addListing(@CurrentActor() actor: Actor, @Body() body: ListingInputDto) {
    return this.catalogue.addListing(actor, body);
  }

  @Roles('organizer', 'admin')
  @Patch('listings/:id')
  @ZodResponse({ status: 200, type: ListingDto })
  endListing(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: EndListingDto) {
    return this.catalogue.endListing(actor, id, body.listedUntil);
  }

  @Roles('organizer', 'admin')
  @Get('courses')
  @ZodResponse({ status: 200, type: CourseListDto })
  async courses() {
    return { items: await this.catalogue.courses() };
  }

  @Roles('organizer', 'admin')
  @Post('courses')
  @ZodResponse({ status: 201, type: CourseDto })
  createCourse(@CurrentActor() actor: Actor, @Body() body: CourseInputDto) {
    return this.catalogue.createCourse(actor, body);
  }

  @Roles('organizer', 'admin')
  @Put('courses/:id')
  @ZodResponse({ status: 200, type: CourseDto })
  updateCourse(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: CourseInputDto) {
    return this.catalogue.updateCourse(actor, id, body);
  }

  @Roles('organizer', 'admin')
  @Post('courses/:id/status')
  @ZodResponse({ status: 201, type: CourseDto })
  setStatus(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: CourseStatusChangeDto) {
    return this.catalogue.setCourseStatus(actor, id, body.status);
  }

  /** Public: a published course with whether it is in every catalogue on `on` (default today). */
  @Public()
  @Get('courses/:id')
  @ZodResponse({ status: 200, type: CourseDto })
  course(
    @OptionalActor() actor: Actor | undefined,
    @Param() { id }: IdParams,
    @Query() query: CourseOnDateQuery,
  ) {
    return this.catalogue.course(id, actor, query.on);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../../common/auth/decorators';
import { CourseSearchService } from './course-search.service';
import { CourseSearchQuery, CourseSearchResultDto } from './training.dto';

@ApiTags('search')
@Controller('search')
export class CourseSearchController {
  constructor(private readonly courses: CourseSearchService) {}

  /** Full text over title, occupation, institution and description, with catalogue-day filtering. */
  @Public()
  @Get('courses')
  @ZodResponse({ status: 200, type: CourseSearchResultDto })
  search(@Query() query: CourseSearchQuery) {
    return this.courses.search(query);
  }
}

import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { CourseSearchController } from './course-search.controller';
import { CourseSearchService } from './course-search.service';

/** 互联网+职业技能培训 (issue 8): the catalogue so far. */
@Module({
  controllers: [CatalogueController, CourseSearchController],
  providers: [CatalogueService, CourseSearchService],
  exports: [CatalogueService],
})
export class TrainingModule {}

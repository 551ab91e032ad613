import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { CompletionInputLoader } from './completion-input.loader';
import { CourseSearchController } from './course-search.controller';
import { CourseSearchService } from './course-search.service';
import { TrainingPolicyController } from './training-policy.controller';
import { TrainingPolicyService } from './training-policy.service';

/** 互联网+职业技能培训 (issue 8): the catalogue and the versioned training policy. */
@Module({
  controllers: [CatalogueController, CourseSearchController, TrainingPolicyController],
  providers: [CatalogueService, CourseSearchService, TrainingPolicyService, CompletionInputLoader],
  exports: [CatalogueService, TrainingPolicyService, CompletionInputLoader],
})
export class TrainingModule {}

import { CourseMaterialsController } from './materials/course-materials.controller';
import { CourseMaterialsService } from './materials/course-materials.service';
import { Module } from '@nestjs/common';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { CompletionCoreModule } from './completion/completion-core.module';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { ClassesController } from './classes.controller';
import { ClassesService } from './classes.service';
import { CourseSearchController } from './course-search.controller';
import { CourseSearchService } from './course-search.service';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';
import { InstitutionMembersService } from './institution-members.service';
import { RostersService } from './rosters.service';
import { TrainingPolicyController } from './training-policy.controller';

/** 互联网+职业技能培训 (issue 8): catalogue, policy, classes with their plans, enrolment, rosters. */
@Module({
  imports: [CompletionCoreModule],
  controllers: [
    CatalogueController,
    CourseSearchController,
    TrainingPolicyController,
    ClassesController,
    EnrolmentsController,
    CourseMaterialsController,
  ],
  providers: [
    CatalogueService,
    CourseSearchService,
    InstitutionMembersService,
    ClassesService,
    EnrolmentsService,
    RostersService,
    PiiCipher,
    CourseMaterialsService,
  ],
  // The loader and the policy service come from the completion core: one instance of each.
  exports: [CatalogueService, CompletionCoreModule],
})
export class TrainingModule {}

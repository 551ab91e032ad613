import { Module } from '@nestjs/common';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { CompletionCoreModule } from './completion/completion-core.module';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { CompletionInputLoader } from './completion-input.loader';
import { ClassesController } from './classes.controller';
import { ClassesService } from './classes.service';
import { CourseSearchController } from './course-search.controller';
import { CourseSearchService } from './course-search.service';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';
import { InstitutionMembersService } from './institution-members.service';
import { RostersService } from './rosters.service';
import { TrainingPolicyController } from './training-policy.controller';
import { TrainingPolicyService } from './training-policy.service';

/** 互联网+职业技能培训 (issue 8): catalogue, policy, classes with their plans, enrolment, rosters. */
@Module({
  imports: [CompletionCoreModule],
  controllers: [
    CatalogueController,
    CourseSearchController,
    TrainingPolicyController,
    ClassesController,
    EnrolmentsController,
  ],
  providers: [
    CatalogueService,
    CourseSearchService,
    TrainingPolicyService,
    CompletionInputLoader,
    InstitutionMembersService,
    ClassesService,
    EnrolmentsService,
    RostersService,
    PiiCipher,
  ],
  exports: [CatalogueService, TrainingPolicyService, CompletionInputLoader],
})
export class TrainingModule {}

import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { AuthCoreModule } from './common/auth/auth-core.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { AppConfig } from './config/config';
import { CoreModule } from './core.module';
import { AuthModule } from './modules/auth/auth.module';
import { RealtimeModule } from './infra/realtime/realtime.module';
import { HealthModule } from './modules/health/health.module';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import { UsersModule } from './modules/users/users.module';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { ComplaintsModule } from './modules/complaints/complaints.module';
import { EmployersModule } from './modules/employers/employers.module';
import { FairsModule } from './modules/fairs/fairs.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PositionsModule } from './modules/positions/positions.module';
import { SettingsModule } from './modules/settings/settings.module';
import { SeekersModule } from './modules/seekers/seekers.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { ReportsModule } from './modules/reports/reports.module';
import { ExportsModule } from './modules/exports/exports.module';
import { PositionSearchModule } from './modules/search/search.module';
import { OutreachModule } from './modules/outreach/outreach.module';
import { SearchSyncModule } from './modules/search/search-sync.module';
import { TrainingModule } from './modules/training/training.module';
import { TrainingReportsModule } from './modules/training-reports/training-reports.module';
import { TrainingClaimsModule } from './modules/training-claims/training-claims.module';
import { AgencySubsidyDataModule } from './modules/agency-subsidy-data/agency-subsidy-data.module';
import { CompletionModule } from './modules/training/completion/completion.module';
import { MatchingModule } from './modules/matching/matching.module';
import { LearningModule } from './modules/learning/learning.module';
import { CallsModule } from './modules/calls/calls.module';
import { AgencySubsidiesModule } from './modules/agency-subsidies/agency-subsidies.module';
import { InterviewsModule } from './modules/interviews/interviews.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        AuthCoreModule,
        RealtimeModule,
        HealthModule,
        AuthModule,
        UsersModule,
        MaintenanceModule,
        SettingsModule,
        SearchSyncModule,
        OutreachModule,
        NotificationsModule,
        FairsModule,
        AgenciesModule,
        EmployersModule,
        PositionsModule,
        ComplaintsModule,
        SeekersModule,
        ApplicationsModule,
        CallsModule,
        AgreementsModule,
        ReportsModule,
        ExportsModule,
        PositionSearchModule,
        TrainingModule,
        LearningModule,
        TrainingReportsModule,
        TrainingClaimsModule,
        AgencySubsidyDataModule,
        CompletionModule,
        MatchingModule,
        AgencySubsidiesModule,
        InterviewsModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        // No ZodSerializerInterceptor: it re-parsed every response and cut throughput by ~40%.
        // Responses are built by explicit view mappers (e.g. toUserView), which decide what leaves.
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}

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

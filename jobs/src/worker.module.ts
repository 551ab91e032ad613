import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import {
  AppConfig,
  CoreModule,
  JOB_FEATURE_MODULES,
  JobHandlerRegistry,
  RealtimeEmitterModule,
} from '@platform/backend';
import { QUEUE_PROCESSORS } from './processors';

@Module({})
export class WorkerModule {
  static forRoot(
    config: AppConfig,
    featureModules: DynamicModule['imports'] = JOB_FEATURE_MODULES,
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        RealtimeEmitterModule,
        DiscoveryModule,
        ...(featureModules ?? []),
      ],
      providers: [JobHandlerRegistry, ...QUEUE_PROCESSORS],
    };
  }
}

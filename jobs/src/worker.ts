import 'reflect-metadata';
import type { WorkerHost } from '@nestjs/bullmq';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, createRootLogger, JobHandlerRegistry, PinoNestLogger } from '@platform/backend';
import { QUEUE_PROCESSORS } from './processors';
import { WorkerModule } from './worker.module';

export class MissingJobHandlersError extends Error {
  constructor(readonly jobs: string[]) {
    super(
      `The worker has no handler for: ${jobs.join(', ')}. Add a @HandlesJob class to a feature jobs module.`,
    );
  }
}

/**
 * Builds the worker, refuses to start when a catalog job has no handler, then lets every
 * queue's BullMQ worker consume. Returns the context; closing it drains the workers.
 */
export async function startWorker(
  config: AppConfig,
  featureModules?: DynamicModule['imports'],
): Promise<INestApplicationContext> {
  const logger = createRootLogger(config.LOG_LEVEL, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, featureModules), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const missing = app.get(JobHandlerRegistry).missingHandlers();
  if (missing.length) {
    await app.close();
    throw new MissingJobHandlersError(missing);
  }
  for (const processor of QUEUE_PROCESSORS) {
    const worker = app.get<WorkerHost>(processor).worker;
    worker.concurrency = config.WORKER_CONCURRENCY;
    worker.on('failed', (job, error) =>
      logger.warn({ jobId: job?.id, job: job?.name, err: error }, 'job failed'),
    );
    void worker.run();
  }
  logger.info({ queues: QUEUE_PROCESSORS.map((p) => p.name) }, 'worker consuming');
  return app;
}

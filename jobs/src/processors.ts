import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Type } from '@nestjs/common';
import { JobHandlerRegistry } from '@platform/backend';
import { QueueName } from '@platform/contracts';
import type { Job } from 'bullmq';

/**
 * One BullMQ worker per queue; each hands its jobs to the handler registered for the job's
 * name, so a feature adds jobs without touching the worker.
 */
function processorFor(queue: QueueName): Type<WorkerHost> {
  // autorun off: the worker starts consuming only after the handler check has passed.
  @Processor(queue, { autorun: false })
  class QueueProcessor extends WorkerHost {
    constructor(@Inject(JobHandlerRegistry) private readonly registry: JobHandlerRegistry) {
      super();
    }

    process(job: Job): Promise<unknown> {
      return this.registry.run(job);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue}Processor` });
  return QueueProcessor;
}

export const QUEUE_PROCESSORS = Object.values(QueueName).map(processorFor);

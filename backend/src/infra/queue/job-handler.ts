import { Injectable, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_CATALOG, JobName } from '@platform/contracts';
import type { Job } from 'bullmq';

const JOB_HANDLER_KEY = 'queue:job-handler';

/** One class per job: it names the job it handles and does the work in `handle`. */
export interface JobHandler<Payload = unknown, Result = unknown> {
  handle(payload: Payload, job: Job): Promise<Result>;
}

export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);

/**
 * Finds every @HandlesJob provider in the application and routes jobs to them by name, after
 * checking the payload against the job's schema in the contracts catalog.
 */
@Injectable()
export class JobHandlerRegistry {
  private handlers?: Map<string, JobHandler>;

  constructor(private readonly discovery: DiscoveryService) {}

  /** Names of catalog jobs that nobody handles; the worker refuses to start when any exist. */
  missingHandlers(catalog: Record<string, unknown> = JOB_CATALOG): string[] {
    return Object.keys(catalog).filter((name) => !this.all().has(name));
  }

  async run(job: Job): Promise<unknown> {
    const handler = this.all().get(job.name);
    const entry = JOB_CATALOG[job.name as JobName];
    if (!handler || !entry) throw new Error(`No handler for job "${job.name}" on queue "${job.queueName}"`);
    return handler.handle(entry.payload.parse(job.data ?? {}), job);
  }

  private all(): Map<string, JobHandler> {
    if (this.handlers) return this.handlers;
    this.handlers = new Map();
    for (const wrapper of this.discovery.getProviders()) {
      const name = wrapper.metatype && Reflect.getMetadata(JOB_HANDLER_KEY, wrapper.metatype);
      if (name && wrapper.instance) this.handlers.set(name, wrapper.instance as JobHandler);
    }
    return this.handlers;
  }
}

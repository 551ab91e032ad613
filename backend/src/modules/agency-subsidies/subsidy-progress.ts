import { Injectable } from '@nestjs/common';
import { roleRoom, SubsidyRunProgress, userRoom } from '@platform/contracts';
import { Notifier } from '../../infra/realtime/notifier';

/** Pushes a run's progress live: the whole run to staff, its own part to each agency. */
@Injectable()
export class SubsidyProgress {
  constructor(private readonly notifier: Notifier) {}

  toStaff(progress: SubsidyRunProgress): void {
    this.notifier.emitTo([roleRoom('organizer'), roleRoom('admin')], 'subsidy:progress', progress);
  }

  toAgency(ownerUserId: string, progress: SubsidyRunProgress): void {
    this.notifier.emitTo([userRoom(ownerUserId)], 'subsidy:progress', progress);
  }
}

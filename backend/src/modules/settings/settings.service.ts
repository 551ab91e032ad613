import { Inject, Injectable } from '@nestjs/common';
import { PlatformSettingsView } from '@platform/contracts';
import { recordAudit } from '../../common/audit/audit-log';
import { platformSettings } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

/**
 * Values the sources leave open and an admin decides at run time (recruitment.md §6.2, AS-14):
 * the epidemic-end date every fair's normalized window hangs off, and whether the Chongqing
 * 复工报备 gate is in force.
 */
export const DEFAULT_SETTINGS: PlatformSettingsView = {
  epidemicEndOn: null,
  resumptionFilingRequired: false,
};

@Injectable()
export class SettingsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async get(): Promise<PlatformSettingsView> {
    const rows = await this.db.select().from(platformSettings);
    const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    return { ...DEFAULT_SETTINGS, ...stored } as PlatformSettingsView;
  }

  async update(actorId: string, patch: Partial<PlatformSettingsView>): Promise<PlatformSettingsView> {
    const before = await this.get();
    await this.db.transaction(async (tx) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        await tx
          .insert(platformSettings)
          .values({ key, value, updatedBy: actorId })
          .onConflictDoUpdate({
            target: platformSettings.key,
            set: { value, updatedBy: actorId, updatedAt: new Date() },
          });
      }
      await recordAudit(tx, {
        actorId,
        action: 'settings.update',
        subjectType: 'platform_settings',
        subjectId: 'platform',
        details: { before, patch },
      });
    });
    return this.get();
  }
}

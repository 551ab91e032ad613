import { api } from './client';
import type { PlatformSettingsView } from './fair-types';
import type { components } from './schema';
import { read } from './read';

export function getSettings(): Promise<PlatformSettingsView> {
  return read(api.GET('/api/settings'));
}

export function updateSettings(body: Partial<PlatformSettingsView>): Promise<PlatformSettingsView> {
  // The generated type reads the nullable date as string[] (see fair-types.ts); the api takes null.
  const typed = body as unknown as components['schemas']['UpdateSettingsDto'];
  return read(api.PUT('/api/settings', { body: typed }));
}

import { AppConfig, ConfigSchema, refineProductionSecrets } from './config.schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Parses the environment once; a bad value stops the process with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const problems = refineProductionSecrets(parsed.data);
  if (problems.length) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return parsed.data;
}

export type { AppConfig };

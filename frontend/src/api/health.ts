import { api } from './client';

// The health endpoint has no response schema in the OpenAPI document (the backend returns a
// plain interface), so its shape is written down here, matching backend HealthService.
export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  details?: { version?: string; status?: string; [key: string]: unknown };
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { postgres: DependencyHealth; redis: DependencyHealth; elasticsearch: DependencyHealth };
}

/** 503 still carries the report (some dependency is down), so both answers are read. */
export async function fetchHealth(): Promise<HealthReport> {
  const { data, error, response } = await api.GET('/api/health');
  const body = (response.ok ? data : error) as HealthReport | undefined;
  if (!body?.checks) throw new Error(`health check answered HTTP ${response.status}`);
  return body;
}

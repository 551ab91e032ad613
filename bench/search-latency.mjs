// Closed-loop latency measurement: `concurrency` workers send `count` requests between them,
// cycling through the given requests; every latency is kept, so p95 is exact, not bucketed.
import { performance } from 'node:perf_hooks';

export async function measureLatency(send, requests, { count, concurrency }) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const request = requests[next++ % requests.length];
      const t0 = performance.now();
      await send(request);
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p) => round(latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]);
  return {
    requests: latencies.length,
    rps: round(latencies.length / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

export const round = (n, digits = 1) => Number(n.toFixed(digits));
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A fetch that fails loudly: a benchmark of error pages measures nothing. */
export async function expectOk(url, init) {
  const response = await fetch(url, init);
  const body = await response.text();
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${body.slice(0, 300)}`);
  return body;
}

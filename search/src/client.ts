import { Client } from '@elastic/elasticsearch';

export type SearchClient = Client;

export interface SearchClientOptions {
  url: string;
  requestTimeoutMs?: number;
}

/** One client per process; the node is 8.x, and so is the client's major version. */
export function createSearchClient({ url, requestTimeoutMs = 10_000 }: SearchClientOptions): SearchClient {
  return new Client({ node: url, requestTimeout: requestTimeoutMs, maxRetries: 1 });
}

export interface EngineInfo {
  version: string;
  tagline: string;
  clusterName: string;
  status: 'green' | 'yellow' | 'red';
}

/** What the health endpoint and the tests report: the node's own answer, not a guess. */
export async function describeEngine(client: SearchClient): Promise<EngineInfo> {
  const [info, health] = await Promise.all([client.info(), client.cluster.health({ timeout: '2s' })]);
  return {
    version: info.version.number,
    tagline: info.tagline,
    clusterName: info.cluster_name,
    status: health.status.toLowerCase() as EngineInfo['status'],
  };
}

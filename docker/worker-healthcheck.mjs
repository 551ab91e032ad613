// Health probe of a worker container (it has no HTTP port). Healthy when Redis answers and at
// least one Redis connection from this container is a named BullMQ connection (`<prefix>:<queue>`),
// i.e. the worker process is up and consuming, not merely that the container is running.
import os from 'node:os';
import Redis from 'ioredis';

const prefix = process.env.QUEUE_PREFIX || 'bull';
const ownAddresses = new Set(
  Object.values(os.networkInterfaces())
    .flat()
    .map((nic) => nic.address),
);

/** `addr=172.18.0.5:41234 ... name=bull:bWFpbnRlbmFuY2U=` -> { address, name } */
function parseClient(line) {
  const addr = /(?:^|\s)addr=(\S+)/.exec(line)?.[1] ?? '';
  const name = /(?:^|\s)name=(\S*)/.exec(line)?.[1] ?? '';
  const address = addr.slice(0, addr.lastIndexOf(':')).replace(/^\[|\]$/g, '');
  return { address, name };
}

async function main() {
  const redis = new Redis(process.env.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
  });
  try {
    await redis.connect();
    const clients = String(await redis.client('LIST'))
      .split('\n')
      .filter(Boolean)
      .map(parseClient);
    const mine = clients.filter((c) => ownAddresses.has(c.address) && c.name.startsWith(`${prefix}:`));
    if (mine.length === 0)
      throw new Error(`no BullMQ connection with prefix "${prefix}" from this container`);
  } finally {
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

import { unwrap } from './client';

type Call = Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * unwrap() with the result typed by the shared zod schema instead of the generated one
 * (see fair-types.ts for why the generated response types cannot be used as they are).
 */
export async function read<V>(call: Call): Promise<V> {
  return (await unwrap(call)) as V;
}

import IORedis, { type RedisOptions } from 'ioredis';
import { EcgInputError } from '../common';

/**
 * ioredis options for a `redis://[:password@]HOST:PORT[/DB]` URL, as BullMQ wants them (no
 * per-request retry limit: a worker waits out a Redis restart instead of failing its job).
 *
 * @example redisOptions('redis://10.0.0.5:6379/2') // => { host: '10.0.0.5', port: 6379, db: 2, maxRetriesPerRequest: null }
 * @throws EcgInputError naming the URL when it is not a redis:// URL
 */
export function redisOptions(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    u = new URL('invalid:');
  }
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  if (u.protocol !== 'redis:' || !u.hostname || !Number.isInteger(db) || db < 0)
    throw new EcgInputError(`bad queue URL '${url}'`, { at: '--queue' }, 'redis://HOST:PORT[/DB]');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    maxRetriesPerRequest: null,
  };
}

/**
 * Checks that Redis answers at `url` within `timeoutMs`; a clear error naming the URL otherwise,
 * rather than BullMQ's endless reconnection attempts.
 *
 * @example await checkRedis('redis://127.0.0.1:6379') // resolves, or throws 'redis://127.0.0.1:6379: cannot reach Redis (ECONNREFUSED) ...'
 * @throws EcgInputError naming the URL
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const client = new IORedis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  let reason: Error | undefined;
  client.on('error', (e) => (reason ??= e));
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    const err = (reason ?? e) as NodeJS.ErrnoException;
    const code = err.code ?? err.message;
    throw new EcgInputError(
      `cannot reach Redis (${code})`,
      { file: url },
      'a running redis-server there (start one with `redis-server --port PORT`, or leave out --queue to run the trials locally)',
    );
  } finally {
    client.disconnect();
  }
}

import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { checkRedis, redisOptions } from '../../lib/sweep';
import { startRedis, type TestRedis } from '../support/redis-server';

describe('sweep/redisConnection', () => {
  it('reads host, port, database and credentials from a redis:// URL, with BullMQ’s retry setting', () => {
    assert.deepEqual(redisOptions('redis://10.0.0.5:6379/2'), {
      host: '10.0.0.5',
      port: 6379,
      db: 2,
      maxRetriesPerRequest: null,
    });
    assert.deepEqual(redisOptions('redis://queue.lab'), {
      host: 'queue.lab',
      port: 6379,
      db: 0,
      maxRetriesPerRequest: null,
    });
    // Percent-encoded credentials are decoded; an empty user name is left out.
    assert.deepEqual(redisOptions('redis://:p%40ss@h:7000/'), {
      host: 'h',
      port: 7000,
      db: 0,
      password: 'p@ss',
      maxRetriesPerRequest: null,
    });
    assert.equal(redisOptions('redis://ann:pw@h:1/0').username, 'ann');
  });

  it('refuses anything but redis://HOST[:PORT][/DB], naming the --queue value', () => {
    for (const url of ['http://h:6379', 'h:6379', 'redis://h/x', 'redis://h/-1', 'redis://h/1.5', 'redis:///0', '']) {
      assert.throws(
        () => redisOptions(url),
        (e: unknown) =>
          e instanceof EcgInputError &&
          e.message === `--queue: bad queue URL '${url}'; expected redis://HOST:PORT[/DB]`,
        url,
      );
    }
  });

  describe('checkRedis (a real redis-server on 127.0.0.1)', () => {
    let redis: TestRedis | undefined;
    before(async function () {
      redis = await startRedis(this);
    });
    after(async () => redis?.stop());

    it('resolves when Redis answers', async () => {
      await checkRedis(redis!.url);
    });

    it('names the URL and the reason when nothing listens there, and how to start Redis', async () => {
      await assert.rejects(
        checkRedis('redis://127.0.0.1:1', 2000),
        (e: unknown) =>
          e instanceof EcgInputError &&
          e.message.startsWith(
            'redis://127.0.0.1:1: cannot reach Redis (ECONNREFUSED); expected a running redis-server',
          ) &&
          e.message.includes('redis-server --port PORT'),
      );
    });
  });
});

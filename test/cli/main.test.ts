import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runEcg } from '../support/run-ecg';

// The command modules beside main.ts: every one of them must be reachable as `ecg <name>`.
const commandFiles = fs
  .readdirSync(path.join(__dirname, '..', '..', 'lib', 'cli'))
  .filter((f) => f.endsWith('.ts') && !['main.ts', 'args.ts', 'index.ts'].includes(f))
  .filter((f) =>
    /export const summary/.test(fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'cli', f), 'utf8')),
  )
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('cli/main', () => {
  it('lists every command module with its one-line summary: exit 0 for --help, 1 for no command', async () => {
    const help = await runEcg(['--help']);
    assert.equal(help.code, 0);
    const lines = help.out.split('\n');
    assert.equal(lines[0], 'usage: ecg <command> [options]');
    const listed = lines
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim().split(/\s+/)[0])
      .sort();
    assert.deepEqual(listed, commandFiles);
    const { summary } = require('../../lib/cli/env') as { summary: string };
    assert.ok(lines.includes(`  ${'env'.padEnd(10)} ${summary}`));
    const none = await runEcg([]);
    assert.equal(none.code, 1);
    assert.equal(none.out, help.out);
  });

  it('refuses an unknown command, naming the ones it knows, with exit code 2', async () => {
    const r = await runEcg(['trian']);
    assert.equal(r.code, 2);
    assert.equal(
      r.err,
      `ecg: unknown command 'trian'; expected one of: ${['env', 'inspect', 'fetch', 'detect', 'train', 'evaluate', 'predict', 'bench', 'sweep', 'worker', 'serve'].join(', ')}`,
    );
    // A property of Object.prototype is no command either.
    assert.equal((await runEcg(['toString'])).code, 2);
  });

  it('prints bad input as one line prefixed with the command, exit code 2', async () => {
    const r = await runEcg(['worker']);
    assert.equal(r.code, 2);
    assert.equal(
      r.err.split('\n')[0],
      'ecg worker: ecg worker: no --queue; expected usage: ecg worker --queue redis://HOST:PORT[/DB] [--concurrency 1] [--queue-name ecg-sweep] [--lock-seconds 30]',
    );
  });
});

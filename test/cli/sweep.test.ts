import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { SweepResult } from '../../lib/sweep';
import { tempDir } from '../helpers';
import { runEcg } from '../support/run-ecg';

// The toy objective scores a trial −(x − 1)² − (y − 2)² without training (see sweep/toy-objective).
describe('cli/sweep', () => {
  let dir = '';
  let config = '';
  before(() => {
    dir = tempDir('ecg-cli-sweep-');
    config = path.join(dir, 'toy.json');
    fs.writeFileSync(config, JSON.stringify({ x: 0, y: 0, sleepMs: 0 }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a 2 × 2 grid on a local worker, ranks it and writes the best config and the results', async () => {
    const out = path.join(dir, 'out');
    const best = path.join(dir, 'best.json');
    const r = await runEcg(
      ['sweep', '--objective', 'toy', '--config', config, '--grid', 'x=0,1', '--grid', 'y=1,2'].concat([
        '--workers',
        '1',
        '--out',
        out,
        '--best-config',
        best,
      ]),
    );
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n');
    // Scores by hand: (1,2) 0, (0,2) −1, (1,1) −1, (0,1) −2; the best is starred.
    assert.match(lines[1], /^\*\s+0\.0000\s+\{"x":1,"y":2\}$/);
    assert.match(lines[4], /^\s+-2\.0000\s+\{"x":0,"y":1\}$/);
    assert.ok(lines.includes('best score: 0 with {"x":1,"y":2}'));
    assert.deepEqual(JSON.parse(fs.readFileSync(best, 'utf8')), { x: 1, y: 2, sleepMs: 0 });
    const saved = JSON.parse(fs.readFileSync(path.join(out, 'sweep.json'), 'utf8')) as SweepResult;
    assert.equal(saved.trials.length, 4);
    assert.equal(fs.readdirSync(path.join(out, 'trials')).length, 4);
  });

  it('prints the result as JSON with --json, and exits 3 when a trial failed', async () => {
    // --json writes to process.stdout directly (not console.log): capture that stream.
    const chunks: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((c: string | Uint8Array) => chunks.push(String(c)) > 0) as typeof process.stdout.write;
    let r: Awaited<ReturnType<typeof runEcg>>;
    try {
      r = await runEcg([
        'sweep',
        '--objective',
        'toy',
        '--config',
        config,
        '--grid',
        'fail=false,true',
        '--workers',
        '1',
        '--json',
      ]);
    } finally {
      process.stdout.write = write;
    }
    assert.equal(r.code, 3, r.err);
    const s = JSON.parse(chunks.join('')) as SweepResult;
    assert.deepEqual(
      s.trials.map((t) => [t.params.fail, t.status]),
      [
        [false, 'ok'],
        [true, 'failed'],
      ],
    );
  });

  it('names each bad combination of options before any trial runs, exit code 2', async () => {
    const space = path.join(dir, 'space.json');
    fs.writeFileSync(space, JSON.stringify({ grid: { x: [0] }, extra: 1 }));
    for (const [argv, pattern] of [
      [['--grid', 'x=0,1'], /ecg sweep: no base config; expected usage: ecg sweep/],
      [['--preset', 'quick', '--config', config], /both --config and --preset given/],
      [['--config', config, '--objective', 'fit'], /--objective fit; expected train or toy/],
      [['--preset', 'quick', '--objective', 'toy'], /--preset with --objective toy; expected --config/],
      [['--config', config, '--objective', 'toy'], /no parameters to sweep/],
      [['--config', config, '--objective', 'toy', '--random', '3'], /--random needs a "random" section in --space/],
      [
        ['--config', config, '--objective', 'toy', '--space', space],
        /space\.json: unknown key 'extra'; expected grid, random or trials/,
      ],
      [
        ['--config', config, '--objective', 'toy', '--grid', 'x=0', '--mode', 'up'],
        /--mode: --mode up; expected max or min/,
      ],
      [
        ['--config', config, '--objective', 'toy', '--grid', 'x=0', '--workers', '1', '--queue', 'redis://h'],
        /--workers with --queue; expected one of them/,
      ],
      [
        ['--config', path.join(dir, 'none.json'), '--objective', 'toy', '--grid', 'x=0'],
        /none\.json: cannot read \(ENOENT\); expected a JSON file/,
      ],
      [['--config', config, 'extra'], /unexpected argument 'extra'/],
    ] as [string[], RegExp][]) {
      const r = await runEcg(['sweep', ...argv]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, pattern, argv.join(' '));
    }
    assert.ok(!fs.existsSync(path.join(dir, 'trials')));
  });

  it('prints its usage with --help, exit code 0', async () => {
    const r = await runEcg(['sweep', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^usage: ecg sweep \(--preset quick\|full \| --config FILE\.json\)/);
  });
});

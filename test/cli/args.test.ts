import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { parseArgs } from '../../lib/cli/args';

const spec = { booleans: ['json'], values: ['method', 'seed'], lists: ['record'], command: 'detect' };

/** Asserts that parsing `argv` throws an EcgInputError whose message is exactly `message`. */
function refuses(argv: string[], message: string): void {
  assert.throws(
    () => parseArgs(argv, spec),
    (e: unknown) => {
      assert.ok(e instanceof EcgInputError, `not an EcgInputError: ${String(e)}`);
      assert.equal(e.message, message);
      return true;
    },
  );
}

describe('cli/args', () => {
  it('reads positionals, switches, --key value and --key=value', () => {
    const a = parseArgs(['data/100', '--json', '--method', 'best', '--seed=7'], spec);
    assert.deepEqual(a.positionals, ['data/100']);
    assert.deepEqual(a.flags, { json: true, method: 'best', seed: '7' });
  });

  it('collects a repeatable option into a list, in order, and gives [] when it is absent', () => {
    assert.deepEqual(parseArgs(['--record', '100', '--record=101', '--record', '200'], spec).lists, {
      record: ['100', '101', '200'],
    });
    assert.deepEqual(parseArgs([], spec).lists, { record: [] });
  });

  it('names an unknown option, its position and the options the command knows', () => {
    refuses(
      ['x', '--jsn'],
      'ecg detect, argument 2: unknown option --jsn; expected --json, --method, --seed, --record',
    );
  });

  it('says which value option lacks its value and which switch was given one', () => {
    refuses(['x', '--method'], 'ecg detect, argument 2: option --method needs a value; expected a value after it');
    refuses(['--json=yes'], 'ecg detect, argument 1: option --json takes no value; expected --json alone');
  });
});

import { isInputError } from '../common';

/** A CLI command: a module in lib/cli exporting `run` and a one-line `summary`. */
export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

// Each command lives in its own module, loaded only when called, so `ecg env` does not pay for
// loading tfjs models and `ecg inspect` does not pay for loading the engine.
const COMMANDS: Record<string, () => Command> = {
  env: () => require('./env'),
  inspect: () => require('./inspect'),
  fetch: () => require('./fetch'),
  detect: () => require('./detect'),
  train: () => require('./train'),
  evaluate: () => require('./evaluate'),
  predict: () => require('./predict'),
  bench: () => require('./bench'),
  sweep: () => require('./sweep'),
  worker: () => require('./worker'),
  serve: () => require('./serve'),
};

function available(): string[] {
  return Object.keys(COMMANDS).filter((name) => {
    try {
      require.resolve(`./${name}`);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Runs `ecg <command> ...args`; returns the process exit code.
 *
 * @example await main(['env', '--json']) // prints the engine and Jupyter status, => 0
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = available().map((n) => `  ${n.padEnd(10)} ${COMMANDS[n]().summary}`);
    console.log(`usage: ecg <command> [options]\n\ncommands:\n${lines.join('\n')}`);
    return name ? 0 : 1;
  }
  if (!(name in COMMANDS) || !available().includes(name)) {
    console.error(`ecg: unknown command '${name}'; expected one of: ${available().join(', ')}`);
    return 2;
  }
  try {
    return await COMMANDS[name]().run(rest);
  } catch (e) {
    if (isInputError(e)) {
      console.error(`ecg ${name}: ${e.message}`);
      return 2;
    }
    console.error(`ecg ${name}: internal error (please report it):`);
    console.error(e);
    return 1;
  }
}

import { mitdbDir, outputsDir } from './data-dir';
import { EcgInputError } from './errors';

/** The parameters every notebook and headless run shares. */
export interface RunParams {
  /** 'quick' (minutes, shipped subset) or 'full' (the headline results). */
  profile: 'quick' | 'full';
  /** MIT-BIH folder. */
  dataDir: string;
  /** Where figures, models and result files go. */
  outDir: string;
  /** The seed every random choice of the run derives from. */
  seed: number;
}

/**
 * Reads the run parameters from the environment (ECG_PROFILE, ECG_DATA_DIR, ECG_OUTPUT_DIR,
 * ECG_SEED), which `npm run reproduce` sets, with defaults for a person at the keyboard.
 *
 * @example runParams({ ECG_PROFILE: 'full' }).profile // => 'full'
 * @throws EcgInputError when ECG_PROFILE or ECG_SEED holds something else than expected
 */
export function runParams(env: NodeJS.ProcessEnv = process.env): RunParams {
  const profile = env.ECG_PROFILE ?? 'quick';
  if (profile !== 'quick' && profile !== 'full') {
    throw new EcgInputError(
      `ECG_PROFILE is '${profile}'`,
      { file: 'environment', at: 'ECG_PROFILE' },
      "'quick' or 'full'",
    );
  }
  const seedText = env.ECG_SEED ?? '42';
  if (!/^\d+$/.test(seedText)) {
    throw new EcgInputError(
      `ECG_SEED is '${seedText}'`,
      { file: 'environment', at: 'ECG_SEED' },
      'a non-negative integer',
    );
  }
  return { profile, dataDir: mitdbDir(env), outDir: outputsDir(env), seed: Number(seedText) };
}

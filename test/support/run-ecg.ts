import { main } from '../../lib/cli/main';
import { captureConsole } from '../helpers';

/**
 * Runs `ecg <argv>` in-process and captures what it prints (shared by the cli tests, so that one
 * test file does not import another and run its tests too).
 *
 * @example const { code, out } = await runEcg(['env', '--json']);
 */
export const runEcg = (argv: string[]) => captureConsole(() => main(argv));

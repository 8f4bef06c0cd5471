// The child process a trial pool starts: runs the trials its parent sends, one at a time, and sends
// back figures or the error. Trials run in a child so that a sweep can use several cores, a crash
// or SIGKILL loses one trial and not the coordinator, and a queue worker's event loop stays free
// to renew its job locks while tfjs trains.
import { isInputError } from '../common';
import { runTrial } from './trial-runner';
import type { TrialSpec } from './trial-spec';
import type * as Engine from '../engine';

/** Parent → child. */
export interface RunMessage {
  type: 'run';
  spec: TrialSpec;
}

/** Child → parent. */
export type ResultMessage =
  | { type: 'result'; id: string; metrics: Record<string, number>; seconds: number; engine?: string }
  | { type: 'error'; id: string; message: string; inputError: boolean; seconds: number };

// Loaded only for training trials: the toy objective never starts tfjs.
async function engineOf(spec: TrialSpec): Promise<string | undefined> {
  if (spec.objective !== 'train') return undefined;
  const engine: typeof Engine = require('../engine');
  return engine.describeBackend(await engine.initBackend());
}

if (require.main === module && process.send) {
  let chain = Promise.resolve();
  process.on('message', (m: RunMessage) => {
    if (m?.type !== 'run') return;
    chain = chain.then(async () => {
      const started = Date.now();
      let reply: ResultMessage;
      try {
        const metrics = await runTrial(m.spec);
        const seconds = (Date.now() - started) / 1000;
        reply = { type: 'result', id: m.spec.id, metrics, seconds, engine: await engineOf(m.spec) };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        reply = {
          type: 'error',
          id: m.spec.id,
          message,
          inputError: isInputError(e),
          seconds: (Date.now() - started) / 1000,
        };
      }
      process.send!(reply);
    });
  });
  // The parent gone (killed coordinator or worker): nothing left to report to.
  process.on('disconnect', () => process.exit(0));
}

// Entry point of one prediction worker thread: loads the model once, then answers PredictJobs
// with PredictReplies (JSON already serialised here, so the main thread only forwards strings).
import { parentPort, workerData } from 'worker_threads';
import { openModel, replyToJob, type PredictJob } from './predict-service';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('predict-worker runs as a worker thread');
  let opened: Awaited<ReturnType<typeof openModel>>;
  try {
    opened = await openModel((workerData as { modelDir: string }).modelDir);
  } catch (e) {
    port.postMessage({ ready: false, error: (e as Error).message });
    return;
  }
  // Jobs run one at a time: the pool never sends a second before the first is answered.
  port.on('message', (job: PredictJob) => {
    void replyToJob(opened.trained, opened.info, job).then((reply) => port.postMessage(reply));
  });
  port.postMessage({ ready: true, info: opened.info });
}

void main();

/** `ecg serve`: a page and a JSON API for one trained model, predictions on worker threads. */
export { startServer, type ServeOptions, type RunningServer } from './server';
export { WorkerPool, QueueFullError, JobTimeoutError, type WorkerPoolOptions } from './worker-pool';
export { stageUpload, removeStaged, type StagedUpload, type UploadedFile } from './stage-upload';
export { scoreAgainstReference, type ReferenceComparison } from './reference-score';
export { summarizeBeats, type ModelInfo, type PredictResponse, type PredictionSummary } from './predict-service';
export { openApiDocument } from './openapi';

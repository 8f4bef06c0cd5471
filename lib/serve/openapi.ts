/**
 * The OpenAPI 3.1 description of `ecg serve`'s JSON API, served at /api/openapi.json.
 *
 * @example openApiDocument({ uploadLimitBytes: 64 * 2 ** 20, classes: ['N', 'S'] }).paths['/api/predict'].post.responses['413'] // => { description: ... }
 */
export function openApiDocument(o: { uploadLimitBytes: number; classes: readonly string[] }): {
  openapi: string;
  paths: Record<string, Record<string, { summary: string; responses: Record<string, unknown>; [k: string]: unknown }>>;
  [k: string]: unknown;
} {
  const error = {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'string', description: 'What was wrong, where, and what was expected' } },
  };
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  const classProbabilities = {
    type: 'object',
    description: 'Probability of each class (they sum to 1)',
    additionalProperties: { type: 'number' },
    example: Object.fromEntries(o.classes.map((c, i) => [c, i === 0 ? 0.97 : 0.03 / (o.classes.length - 1)])),
  };
  const mib = (o.uploadLimitBytes / 2 ** 20).toFixed(0);
  return {
    openapi: '3.1.0',
    info: {
      title: 'ecg serve',
      version: '1',
      description:
        'Beat classification with one model trained by `ecg train`. The beats of POST /api/predict are those of ' +
        '`ecg predict --model DIR <record> --json` for the same input. Bad input gives 400 with the located message ' +
        'the command line gives.',
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness and the model being served',
          responses: {
            '200': {
              description: 'The server is up',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['status', 'model'],
                    properties: {
                      status: { const: 'ok' },
                      model: { $ref: '#/components/schemas/Model' },
                      pool: {
                        type: 'object',
                        description: 'Worker threads: busy, queued, counters since start',
                      },
                      eventLoopDelayMs: {
                        type: 'object',
                        description: 'Main-thread timer lateness since start: p50, p99, max (ms)',
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/api/records': {
        get: {
          summary: 'The records of the server’s data folder that can be picked by name',
          responses: {
            '200': {
              description: 'Record names with their length and whether reference annotations exist',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      records: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: {
                            name: { type: 'string' },
                            seconds: { type: 'number' },
                            hasAnnotations: { type: 'boolean' },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/api/predict': {
        post: {
          summary: 'Classify every beat of one record or heartbeat CSV',
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  description:
                    `Exactly one input: files hea + dat (+ atr) of one WFDB record, or csv, or the field record. ` +
                    `Uploads are held in memory up to ${mib} MiB in all.`,
                  properties: {
                    hea: { type: 'string', format: 'binary', description: 'WFDB header' },
                    dat: { type: 'string', format: 'binary', description: 'The one signal file the header names' },
                    atr: {
                      type: 'string',
                      format: 'binary',
                      description: 'Reference annotations (MIT format): the answer then compares beats with them',
                    },
                    csv: {
                      type: 'string',
                      format: 'binary',
                      description: 'Heartbeat CSV rows of the model’s window length (models without RR features)',
                    },
                    record: { type: 'string', description: 'A record name from GET /api/records', example: '100' },
                    annotations: {
                      type: 'string',
                      enum: ['true', 'false'],
                      description: 'R peaks from the .atr instead of the detector (ecg predict --annotations)',
                    },
                    signal: {
                      type: 'string',
                      enum: ['true', 'false'],
                      description: 'Also return the classified lead in mV (for a strip chart)',
                    },
                  },
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'One entry per beat, a per-class summary, and the comparison with the .atr when given',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['beats', 'summary', 'model'],
                    properties: {
                      input: { type: 'object' },
                      peaks: { enum: ['detector', 'annotations', 'rows'] },
                      beats: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['sample', 'class', 'confidence', 'probabilities'],
                          properties: {
                            sample: { type: 'integer', description: 'R peak sample (CSV: row number)' },
                            class: { enum: [...o.classes] },
                            confidence: { type: 'number', description: 'Probability of the predicted class' },
                            probabilities: classProbabilities,
                          },
                        },
                      },
                      summary: {
                        type: 'object',
                        properties: {
                          beats: { type: 'integer' },
                          counts: { type: 'object', additionalProperties: { type: 'integer' } },
                          meanConfidence: { type: 'number' },
                          meanConfidenceByClass: { type: 'object' },
                        },
                      },
                      reference: {
                        type: 'object',
                        description:
                          'With an .atr: reference beats, match[i] = reference index of beats[i] within ±150 ms ' +
                          'or −1, missed/extra counts, accuracy and confusion[reference][predicted]',
                      },
                      signal: {
                        type: 'object',
                        description: 'With signal=true: fsHz, lead, mV[] and beatAt[i], the position of beats[i]',
                      },
                      model: { $ref: '#/components/schemas/Model' },
                      elapsedMs: { type: 'integer' },
                    },
                  },
                },
              },
            },
            '400': errorResponse(
              'Bad input: unreadable or truncated record, bad header, unknown field, CSV for a model that needs RR features, path outside the data folder',
            ),
            '413': errorResponse(`Upload larger than ${mib} MiB`),
            '415': errorResponse('Not multipart/form-data'),
            '503': {
              description: 'Every worker is busy and the queue is full; try again after Retry-After seconds',
              headers: { 'Retry-After': { schema: { type: 'integer' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
      },
    },
    components: {
      schemas: {
        Error: error,
        Model: {
          type: 'object',
          required: ['protocol', 'classes', 'trainedAt', 'engine'],
          properties: {
            name: { type: 'string' },
            protocol: { type: 'string', example: 'inter-patient' },
            classes: { type: 'array', items: { type: 'string' }, example: [...o.classes] },
            labels: { type: 'string' },
            trainedAt: { type: 'string', format: 'date-time' },
            engine: { type: 'string', example: 'tfjs 4.22.0 on wasm (1 thread, SIMD)' },
            window: { type: 'object' },
            rrFeatures: { type: 'boolean' },
            recordRelative: { type: 'boolean' },
          },
        },
      },
    },
  };
}

import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { writeDirAtomic, writeFileAtomic, writeJsonAtomic, EcgInputError } from '../common';
import '../models'; // registers SeededDropout so saved models deserialize

/** File names of a model folder. */
export const MODEL_FILES = { topology: 'model.json', weights: 'weights.bin', sidecar: 'ecg-model.json' } as const;

/** Writes a model's tfjs artifacts (model.json + weights.bin) into an existing folder. */
async function writeArtifacts(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const weights =
        data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
      const topology = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [`./${MODEL_FILES.weights}`], weights: artifacts.weightSpecs ?? [] }],
      };
      writeJsonAtomic(path.join(dir, MODEL_FILES.topology), topology);
      writeFileAtomic(path.join(dir, MODEL_FILES.weights), new Uint8Array(weights));
      return {
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength },
      };
    }),
  );
}

/**
 * Writes a model in the tfjs layers format (model.json, weights.bin) with a JSON sidecar
 * (ecg-model.json: config, classes, normalisation, split, seed, backend, versions), all at once:
 * the folder appears complete or not at all. tfjs without tfjs-node has no file:// handler, hence
 * this one built on tf.io.withSaveHandler.
 *
 * @example await writeModelDir('outputs/run/model', model, { classes: ['N', 'S', 'V', 'F', 'Q'] })
 */
export async function writeModelDir(dir: string, model: tf.LayersModel, sidecar: object): Promise<void> {
  await writeDirAtomic(dir, async (tmp) => {
    await writeArtifacts(model, tmp);
    writeJsonAtomic(path.join(tmp, MODEL_FILES.sidecar), sidecar);
  });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new EcgInputError(
      `cannot be parsed as JSON (${(e as Error).message})`,
      { file },
      'the JSON written by ecg train',
    );
  }
}

/**
 * Checks that a model folder holds model.json, weights.bin and ecg-model.json, naming the first
 * missing file.
 *
 * @example checkModelDir('outputs/run/model') // throws "outputs/run/model: missing weights.bin; …" if absent
 * @throws EcgInputError naming the folder and the missing file
 */
export function checkModelDir(dir: string): void {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new EcgInputError(
      'no such model folder',
      { file: dir },
      `a folder written by ecg train holding ${Object.values(MODEL_FILES).join(', ')}`,
    );
  }
  for (const name of Object.values(MODEL_FILES)) {
    if (!fs.existsSync(path.join(dir, name))) {
      throw new EcgInputError(
        `missing ${name}`,
        { file: dir },
        `a model folder holding ${Object.values(MODEL_FILES).join(', ')} (as ecg train writes them)`,
      );
    }
  }
}

/**
 * Reads a model folder written by {@link writeModelDir}: the tfjs model and its sidecar.
 *
 * @example const { model, sidecar } = await readModelDir<{ classes: string[] }>('outputs/run/model')
 * @throws EcgInputError when a file is missing, unreadable, or the weights do not match the topology
 */
export async function readModelDir<S = Record<string, unknown>>(
  dir: string,
): Promise<{ model: tf.LayersModel; sidecar: S }> {
  checkModelDir(dir);
  const topoFile = path.join(dir, MODEL_FILES.topology);
  const topo = readJson(topoFile) as {
    modelTopology?: object;
    weightsManifest?: { weights: tf.io.WeightsManifestEntry[] }[];
    format?: string;
    generatedBy?: string;
  };
  if (!topo.modelTopology || !Array.isArray(topo.weightsManifest)) {
    throw new EcgInputError(
      'has no modelTopology or weightsManifest',
      { file: topoFile },
      'a tfjs layers-model model.json',
    );
  }
  const weightSpecs = topo.weightsManifest.flatMap((g) => g.weights);
  const buf = fs.readFileSync(path.join(dir, MODEL_FILES.weights));
  const expectedBytes = weightSpecs.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
  if (buf.byteLength !== expectedBytes) {
    throw new EcgInputError(
      `holds ${buf.byteLength} bytes`,
      { file: path.join(dir, MODEL_FILES.weights) },
      `${expectedBytes} bytes of float32 weights as model.json lists`,
    );
  }
  const weightData = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const model = await tf.loadLayersModel({
    load: async () => ({
      modelTopology: topo.modelTopology,
      weightSpecs,
      weightData,
      format: topo.format,
      generatedBy: topo.generatedBy,
    }),
  });
  const sidecar = readJson(path.join(dir, MODEL_FILES.sidecar)) as S;
  return { model, sidecar };
}

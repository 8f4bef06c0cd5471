import * as tf from '@tensorflow/tfjs';
import { mixSeeds } from '../common';

/** Constructor arguments of {@link SeededDropout}. */
export interface SeededDropoutArgs {
  rate: number;
  seed: number;
  name?: string;
}

/**
 * Inverted dropout (Srivastava et al. 2014) whose masks follow a seed. tfjs's own Dropout with a
 * seed draws the *same* mask on every step (it reseeds its generator per call); without one it
 * uses Math.random. This layer draws mask k of a stream from hash(streamSeed, k), so masks differ
 * between steps yet a run repeats exactly; the training loop calls `reseed` once per epoch.
 *
 * @example tf.model({ inputs: i, outputs: new SeededDropout({ rate: 0.5, seed: 1 }).apply(i) as tf.SymbolicTensor })
 */
export class SeededDropout extends tf.layers.Layer {
  static className = 'SeededDropout';
  readonly rate: number;
  readonly seed: number;
  private streamSeed: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    if (!(args.rate >= 0 && args.rate < 1)) throw new RangeError(`dropout rate must be in [0, 1), got ${args.rate}`);
    this.rate = args.rate;
    this.seed = args.seed >>> 0;
    this.streamSeed = this.seed;
    this.supportsMasking = true;
  }

  /** Starts a new mask stream (the training loop passes a seed derived from run seed and epoch). */
  reseed(seed: number): void {
    this.streamSeed = seed >>> 0;
    this.calls = 0;
  }

  computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (kwargs['training'] !== true || this.rate === 0) return tf.clone(x);
    const maskSeed = mixSeeds(mixSeeds(this.seed, this.streamSeed), this.calls++);
    return tf.tidy(() => {
      const keep = tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', maskSeed), this.rate);
      return tf.mul(x, tf.mul(tf.cast(keep, 'float32'), 1 / (1 - this.rate)));
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}
tf.serialization.registerClass(SeededDropout);

/**
 * Reseeds every SeededDropout layer of a model, each from (seed, layer index).
 *
 * @example reseedDropout(model, mixSeeds(runSeed, epoch))
 */
export function reseedDropout(model: tf.LayersModel, seed: number): void {
  model.layers.forEach((layer, i) => {
    if (layer instanceof SeededDropout) layer.reseed(mixSeeds(seed, i));
  });
}

import * as tf from '@tensorflow/tfjs';

/** True when the project's fused LSTM kernels exist on the backend in use. */
export function hasFusedLstm(): boolean {
  const b = tf.getBackend();
  return tf.getKernel('EcgLstmForward', b) != null && tf.getKernel('EcgLstmBackward', b) != null;
}

/**
 * All hidden states [B, T, U] of an LSTM (Keras gate order i, f, c, o; tanh activations; sigmoid
 * or Keras' hardSigmoid gates; zero initial state) over x [B, T, D], as one differentiable op:
 * the recurrence runs inside one kernel forward and one backward, where tf.layers.lstm issues
 * some 50 kernels per time step. Needs hasFusedLstm().
 *
 * @example lstmSequence(x, kernel, recurrentKernel, bias, true).shape // => [B, T, U]
 */
export function lstmSequence(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  hardSigmoid: boolean,
): tf.Tensor3D {
  const op = tf.customGrad(((xs: tf.Tensor, k: tf.Tensor, r: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
    const [h, c, gates, tanhC] = tf
      .engine()
      .runKernel('EcgLstmForward', { x: xs, kernel: k, recurrentKernel: r, bias: b }, { hardSigmoid }) as tf.Tensor[];
    save([xs, k, r, h, c, gates, tanhC]);
    return {
      value: h,
      gradFunc: (dh: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sk, sr, sh, sc, sg, stc] = saved;
        return tf
          .engine()
          .runKernel(
            'EcgLstmBackward',
            { x: sx, kernel: sk, recurrentKernel: sr, h: sh, c: sc, gates: sg, tanhC: stc, dh },
            { hardSigmoid },
          ) as tf.Tensor[];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x, kernel, recurrentKernel, bias) as tf.Tensor3D;
}

type LayerCtor = new (args?: object) => tf.layers.Layer;

function stockClass(name: string): LayerCtor {
  const map = tf.serialization.SerializationMap.getMap().classNameMap as unknown as Record<
    string,
    [LayerCtor, unknown]
  >;
  const entry = map[name];
  if (!entry) throw new Error(`tfjs-layers ${name} is not registered`);
  return entry[0];
}

interface StockLstm {
  stateful: boolean;
  returnState: boolean;
  returnSequences: boolean;
  goBackwards: boolean;
  cell: {
    dropout: number;
    recurrentDropout: number;
    useBias: boolean;
    activation: { getClassName(): string };
    recurrentActivation: { getClassName(): string };
    kernel: tf.LayerVariable;
    recurrentKernel: tf.LayerVariable;
    bias: tf.LayerVariable;
  };
}

/**
 * tf.layers.lstm with the same weights, config, serialised form ('LSTM') and results, whose call
 * runs the fused lstmSequence op when it can: no mask, initial state, statefulness, returned
 * state or active dropout; tanh activation; sigmoid or hardSigmoid gates. Otherwise the stock path.
 */
export class FusedLSTM extends (stockClass('LSTM') as LayerCtor) {
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
    const self = this as unknown as StockLstm;
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const cell = self.cell;
    const gate = cell.recurrentActivation.getClassName();
    const dropping = Boolean(kwargs?.training) && (cell.dropout > 0 || cell.recurrentDropout > 0);
    const fusable =
      (!Array.isArray(inputs) || inputs.length === 1) &&
      kwargs?.mask == null &&
      kwargs?.initialState == null &&
      !self.stateful &&
      !self.returnState &&
      !dropping &&
      cell.useBias &&
      cell.activation.getClassName() === 'tanh' &&
      (gate === 'sigmoid' || gate === 'hardSigmoid') &&
      x.rank === 3 &&
      x.dtype === 'float32' &&
      hasFusedLstm();
    if (!fusable) return super.call(inputs, kwargs);
    return tf.tidy(() => {
      const xs = self.goBackwards ? tf.reverse(x, 1) : x;
      const h = lstmSequence(
        xs as tf.Tensor3D,
        cell.kernel.read() as tf.Tensor2D,
        cell.recurrentKernel.read() as tf.Tensor2D,
        cell.bias.read() as tf.Tensor1D,
        gate === 'hardSigmoid',
      );
      if (self.returnSequences) return h;
      const [B, T, U] = h.shape;
      return tf.reshape(tf.slice(h, [0, T - 1, 0], [B, 1, U]), [B, U]);
    });
  }
}

// Models are saved under the stock class name 'LSTM'; registering the fused class under that name
// makes a model read back from disk run the same kernel it was trained with (the stock recurrence
// differs in the last float bit, so a read model would not predict bit for bit like the written one).
tf.serialization.registerClass(FusedLSTM as unknown as tf.serialization.SerializableConstructor<tf.layers.Layer>);

/**
 * Drop-in for tf.layers.lstm (same arguments) with the fused recurrence.
 *
 * @example lstm({ units: 64 }).apply(x) // same outputs as tf.layers.lstm({ units: 64 }), ~10× faster training on wasm
 */
export function lstm(args: Parameters<typeof tf.layers.lstm>[0]): tf.layers.Layer {
  return new FusedLSTM(args);
}

/**
 * Drop-in for tf.layers.bidirectional whose two directions are FusedLSTM layers when the wrapped
 * layer is an LSTM (tfjs builds both directions from the wrapped layer's class name, which would
 * give stock layers).
 *
 * @example bidirectional({ layer: lstm({ units: 32 }) as tf.RNN })
 */
export function bidirectional(args: Parameters<typeof tf.layers.bidirectional>[0]): tf.layers.Layer {
  const bi = tf.layers.bidirectional(args) as unknown as {
    forwardLayer: tf.layers.Layer;
    backwardLayer: tf.layers.Layer;
  };
  if (args.layer.getClassName() === 'LSTM') {
    for (const side of ['forwardLayer', 'backwardLayer'] as const) {
      const stock = bi[side];
      const fused = new FusedLSTM(stock.getConfig());
      fused.name = stock.name;
      bi[side] = fused;
    }
  }
  return bi as unknown as tf.layers.Layer;
}

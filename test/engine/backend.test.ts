import { strict as assert } from 'assert';
import { initBackend, describeBackend, describeRun, tf } from '../../lib/engine';

describe('engine/backend', () => {
  it('chooses one backend per process and computes with it', async () => {
    const a = await initBackend();
    const b = await initBackend();
    assert.equal(a, b);
    assert.equal(tf.getBackend(), a.backend);
    assert.match(describeBackend(a), /^tfjs 4\.\d+\.\d+ on (tensorflow|wasm|cpu)/);
    const y = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]);
    assert.equal(y, 11); // 1·3 + 2·4
  });

  it('describes a run for result files as the backend in use and its one-line description', async () => {
    const run = await describeRun();
    assert.deepEqual(run, { backend: tf.getBackend(), engine: describeBackend(await initBackend()) });
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(run))), ['backend', 'engine']);
  });
});

describe('engine/quietCpuBackend', () => {
  // A fresh process each, because the banner prints once per process.
  const firstCpuTensor = (importEngine: boolean) =>
    require('child_process').spawnSync(
      process.execPath,
      [
        '--require',
        'tsx/cjs',
        '-e',
        `${importEngine ? "require('./lib/engine');" : ''}const tf = require('@tensorflow/tfjs');` +
          "tf.setBackend('cpu').then(() => console.log(tf.tensor([1, 2]).sum().dataSync()[0]));",
      ],
      { cwd: require('path').join(__dirname, '..', '..'), encoding: 'utf8' },
    );

  it("keeps tfjs's 'install our node backend' banner out of every run once the engine is loaded", function () {
    this.timeout(60000);
    const plain = firstCpuTensor(false);
    assert.match(plain.stdout + plain.stderr, /looks like you are running TensorFlow\.js in Node\.js/, 'control');
    const quiet = firstCpuTensor(true);
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stdout.trim(), '3');
    assert.equal(quiet.stderr, '');
  });
});

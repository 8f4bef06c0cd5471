#!/usr/bin/env node
// The `ecg` command runs lib/cli straight from the TypeScript sources (through tsx), so the CLI
// never lags behind an edit to lib.
require('tsx/cjs');
require('../lib/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    // wasm's pthread workers (ECG_WASM_THREADS > 1) keep the event loop alive for ever; once the
    // command's output is flushed there is nothing left to wait for.
    if (Number(process.env.ECG_WASM_THREADS) > 1) process.stdout.write('', () => process.exit(code));
  });

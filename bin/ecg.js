#!/usr/bin/env node
// The `ecg` command runs lib/cli straight from the TypeScript sources (through tsx), so the CLI
// never lags behind an edit to lib.
require('tsx/cjs');
require('../lib/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

/** The `ecg` command line: `main(argv)` dispatches to one module per command. */
export { main, type Command } from './main';
export { parseArgs, type ParsedArgs } from './args';

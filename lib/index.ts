/**
 * The workbench's public API, one namespace per stage the data goes through:
 * io → signal → data → models → train → eval → viz, with engine and common beside them.
 * Notebooks import from here (compiled: `../dist/lib`).
 */
export * as common from './common';
export * as engine from './engine';
export * as io from './io';
export * as viz from './viz';

/**
 * The workbench's public API, one namespace per stage the data goes through:
 * io → signal → data → models → train → eval → viz, with engine and common beside them, and sweep
 * (hyperparameter searches over training configs).
 * Notebooks import from here (compiled: `../dist/lib`).
 */
export * as common from './common';
export * as io from './io';
export * as signal from './signal';
export * as data from './data';
export * as models from './models';
export * as train from './train';
export * as evaluation from './evaluation';
export * as viz from './viz';
export * as engine from './engine';
export * as sweep from './sweep';

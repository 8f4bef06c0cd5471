/**
 * Data layer: WFDB records (headers, signal formats 212/16/80/61/8/310/311, annotations),
 * MIT-BIH record lists and AAMI classes, PhysioNet downloads, CSV and cohort loaders.
 * Public API of lib/io; other stages import from here, never from the files inside.
 */

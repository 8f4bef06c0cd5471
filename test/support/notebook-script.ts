import * as path from 'path';

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[] };
}

/**
 * Turns chosen code cells of a notebook into one TypeScript program that tsx can run: imports
 * hoisted (the notebook's '../dist/lib' pointed at lib/ itself, so no build is needed), the rest
 * inside an async function for the cells' top-level awaits. Lets a test run a notebook's logic
 * under conditions a kernel run cannot set up (a data folder without the test records).
 *
 * @example notebookScript(nb, (c, i) => i === 0 || tagged(c, 'selection'))
 */
export function notebookScript(nb: { cells: Cell[] }, pick: (cell: Cell, codeIndex: number) => boolean): string {
  const lib = path.join(__dirname, '..', '..', 'lib');
  const imports: string[] = [];
  const body: string[] = [];
  nb.cells
    .filter((c) => c.cell_type === 'code')
    .forEach((c, i) => {
      if (!pick(c, i)) return;
      for (const line of ([] as string[]).concat(c.source).join('').split('\n')) {
        if (/^import .* from '[^']+';$/.test(line)) imports.push(line.replace("'../dist/lib'", JSON.stringify(lib)));
        else body.push(line);
      }
      body.push(';');
    });
  return [
    ...imports,
    '(async () => {',
    ...body,
    '})().catch((e) => {',
    '  console.error(e);',
    '  process.exit(1);',
    '});',
  ].join('\n');
}

/** Whether a cell carries a tag in its metadata. */
export function tagged(cell: Cell, tag: string): boolean {
  return (cell.metadata?.tags ?? []).includes(tag);
}

/**
 * Prettier for the code cells of notebooks/*.ipynb (Prettier itself does not read notebooks).
 *
 *   tsx scripts/format-notebooks.ts          # rewrite the cells in place
 *   tsx scripts/format-notebooks.ts --check  # list the notebooks whose cells are not formatted; exit 1 if any
 *
 * Cells are formatted as TypeScript modules (top-level await is fine) with the repository's
 * .prettierrc.json; the notebook JSON keeps nbformat's one-space indentation and its outputs.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as prettier from 'prettier';

interface Cell {
  cell_type: string;
  source: string | string[];
}

const root = path.resolve(__dirname, '..');

function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

async function formatNotebook(file: string, options: prettier.Options): Promise<{ text: string; changed: boolean }> {
  const original = fs.readFileSync(file, 'utf8');
  const nb = JSON.parse(original) as { cells: Cell[] };
  for (const [i, cell] of nb.cells.entries()) {
    if (cell.cell_type !== 'code') continue;
    const src = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    let formatted: string;
    try {
      formatted = await prettier.format(src, { ...options, parser: 'typescript' });
    } catch (e) {
      throw new Error(`${path.relative(root, file)}: cell ${i + 1}: ${(e as Error).message.split('\n')[0]}`);
    }
    cell.source = sourceLines(formatted.replace(/\n+$/, ''));
  }
  // nbformat writes non-ASCII characters as \u escapes; keeping that makes a re-save by Jupyter a no-op.
  const text =
    JSON.stringify(nb, null, 1).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ) + '\n';
  return { text, changed: text !== original };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const options = (await prettier.resolveConfig(path.join(root, 'package.json'))) ?? {};
  const dir = path.join(root, 'notebooks');
  const unformatted: string[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()) {
    const file = path.join(dir, name);
    const { text, changed } = await formatNotebook(file, options);
    if (!changed) continue;
    if (check) unformatted.push(name);
    else {
      fs.writeFileSync(`${file}.tmp`, text);
      fs.renameSync(`${file}.tmp`, file);
      console.log(`formatted ${name}`);
    }
  }
  if (check && unformatted.length) {
    console.error(`notebook cells not formatted (run npm run format): ${unformatted.join(', ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});

import { EcgInputError } from '../common';

/** Parsed command-line arguments: positionals and `--flag [value]` options. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

/**
 * Parses `--key value`, `--key=value` and bare `--switch` arguments. Options named in
 * `booleans` never take a value. Unknown options are an error naming the option.
 *
 * @example parseArgs(['rec', '--json'], { booleans: ['json'] }) // => { positionals: ['rec'], flags: { json: true } }
 * @throws EcgInputError for an option not in `booleans` or `values`, or a value option with no value
 */
export function parseArgs(
  argv: string[],
  spec: { booleans?: string[]; values?: string[]; command?: string } = {},
): ParsedArgs {
  const booleans = new Set(spec.booleans ?? []);
  const values = new Set(spec.values ?? []);
  const out: ParsedArgs = { positionals: [], flags: {} };
  const where = { file: `ecg ${spec.command ?? ''}`.trim() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (booleans.has(key)) {
      out.flags[key] = true;
    } else if (values.has(key)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined)
        throw new EcgInputError(`option --${key} needs a value`, { ...where, at: `argument ${i}` }, 'a value after it');
      out.flags[key] = v;
    } else {
      const known = [...booleans, ...values].map((k) => `--${k}`).join(', ') || 'no options';
      throw new EcgInputError(`unknown option --${key}`, { ...where, at: `argument ${i + 1}` }, known);
    }
  }
  return out;
}

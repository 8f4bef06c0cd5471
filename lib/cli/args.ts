import { parseArgs as nodeParseArgs } from 'util';
import { EcgInputError } from '../common';

/** Parsed command-line arguments: positionals, `--flag [value]` options and repeatable options as lists. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
  /** Each option named in `lists`, with every value given, in order ([] when absent). */
  lists: Record<string, string[]>;
}

/** Which options a command takes: switches, options with one value, options that may repeat. */
export interface ArgsSpec {
  booleans?: string[];
  values?: string[];
  /** Repeatable options (`--record 100 --record 101`), collected in `lists`. */
  lists?: string[];
  /** The command's name, for error messages (`ecg <command>`). */
  command?: string;
}

/**
 * Parses `--key value`, `--key=value`, bare `--switch` and repeatable `--key a --key b` arguments
 * with Node's util.parseArgs in strict mode, and reports its errors in the project's form: the
 * command, the argument's position and what was expected.
 *
 * @example parseArgs(['rec', '--json'], { booleans: ['json'] }) // => { positionals: ['rec'], flags: { json: true }, lists: {} }
 * @throws EcgInputError for an unknown option, a value option with no value, or a value given to a switch
 */
export function parseArgs(argv: string[], spec: ArgsSpec = {}): ParsedArgs {
  const options: Record<string, { type: 'boolean' | 'string'; multiple?: boolean }> = {};
  for (const k of spec.booleans ?? []) options[k] = { type: 'boolean' };
  for (const k of spec.values ?? []) options[k] = { type: 'string' };
  for (const k of spec.lists ?? []) options[k] = { type: 'string', multiple: true };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw argsError(e as Error & { code?: string }, argv, spec, Object.keys(options));
  }
  const out: ParsedArgs = { positionals: parsed.positionals, flags: {}, lists: {} };
  for (const k of spec.lists ?? []) out.lists[k] = [];
  for (const [k, v] of Object.entries(parsed.values)) {
    if (Array.isArray(v)) out.lists[k] = v.map(String);
    else if (v !== undefined) out.flags[k] = v as string | boolean;
  }
  return out;
}

/** Turns util.parseArgs's TypeError into an EcgInputError that names the argument and the expectation. */
function argsError(e: Error & { code?: string }, argv: string[], spec: ArgsSpec, known: string[]): Error {
  const where = { file: `ecg ${spec.command ?? ''}`.trim() };
  const option = /'(-{1,2}[^'\s=]+)/.exec(e.message)?.[1] ?? '';
  const key = option.replace(/^-+/, '');
  const index = argv.findIndex((a) => a === option || a.startsWith(`${option}=`));
  const at = { ...where, at: `argument ${index + 1}` };
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new EcgInputError(`unknown option ${option}`, at, known.map((k) => `--${k}`).join(', ') || 'no options');
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if ((spec.booleans ?? []).includes(key))
      return new EcgInputError(`option --${key} takes no value`, at, `--${key} alone`);
    return new EcgInputError(`option --${key} needs a value`, at, 'a value after it');
  }
  return new EcgInputError(e.message, where, 'options this command knows');
}

/**
 * Processed datasets on disk: typed arrays packed into `<base>.bin`, everything else in a
 * `<base>.json` sidecar, so one notebook can write what the next one reads in a fraction of a second.
 */
import * as fs from 'fs';
import { EcgInputError, writeFileAtomic, writeJsonAtomic } from '../common';

const FORMAT = 'ecg-workbench-dataset';
const MAGIC = 'ECGWBDS1';
const HEADER_BYTES = 16;

const TYPES = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  int16: Int16Array,
  int8: Int8Array,
  uint32: Uint32Array,
  uint16: Uint16Array,
  uint8: Uint8Array,
} as const;
type TypeName = keyof typeof TYPES;
type Typed = InstanceType<(typeof TYPES)[TypeName]>;

function typeName(v: unknown): TypeName | undefined {
  for (const [name, Ctor] of Object.entries(TYPES)) if (v instanceof Ctor) return name as TypeName;
  return undefined;
}

/** FNV-1a over 32-bit words (and the tail bytes): a cheap content hash tying .bin to .json. */
function hashBytes(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  const words = Math.floor(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < words; i++) h = Math.imul(h ^ view.getUint32(4 * i, true), 0x01000193);
  for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const stripExt = (base: string): string => base.replace(/\.(bin|json)$/, '');

/**
 * Writes a dataset: every typed-array field goes into `<base>.bin` (8-byte aligned, after a magic
 * and content hash), every other JSON-serialisable field into `<base>.json`; both written
 * atomically, the .json last, and tied by the hash so a half-replaced pair is detected on reading.
 *
 * @example writeDataset('outputs/beats', dataset) // => { bin: 'outputs/beats.bin', json: 'outputs/beats.json' }
 */
export function writeDataset(base: string, ds: object): { bin: string; json: string } {
  const b = stripExt(base);
  const arrays: Record<string, { type: TypeName; offset: number; length: number }> = {};
  const fields: Record<string, unknown> = {};
  let bytes = HEADER_BYTES;
  for (const [key, value] of Object.entries(ds)) {
    const t = typeName(value);
    if (t) {
      const a = value as Typed;
      arrays[key] = { type: t, offset: bytes, length: a.length };
      bytes += Math.ceil(a.byteLength / 8) * 8;
    } else if (value !== undefined && typeof value !== 'function') fields[key] = value;
  }
  const bin = new Uint8Array(bytes);
  for (const [key, spec] of Object.entries(arrays)) {
    const a = (ds as Record<string, Typed>)[key];
    bin.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), spec.offset);
  }
  const hash = hashBytes(bin.subarray(HEADER_BYTES));
  bin.set(Buffer.from(MAGIC + hash, 'latin1'), 0);
  writeFileAtomic(`${b}.bin`, bin);
  writeJsonAtomic(`${b}.json`, { format: FORMAT, version: 1, hash, binBytes: bytes, arrays, fields });
  return { bin: `${b}.bin`, json: `${b}.json` };
}

/**
 * Reads a dataset written by {@link writeDataset}, checking that the .bin belongs to the .json and
 * that `x` holds n × length values when those fields exist.
 *
 * @throws EcgInputError naming the file and the key or byte for a missing file, a foreign or
 *   damaged file, a .bin from another write, or an array that does not fit.
 * @example readDataset<BeatDataset>('outputs/beats').n // => 2272
 */
export function readDataset<T = Record<string, unknown>>(base: string): T {
  const b = stripExt(base);
  const jsonFile = `${b}.json`;
  const binFile = `${b}.bin`;
  let meta: { format?: string; version?: number; hash?: string; binBytes?: number; arrays?: Record<string, { type: string; offset: number; length: number }>; fields?: Record<string, unknown> };
  try {
    meta = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new EcgInputError(code ? `cannot read (${code})` : `not JSON (${(e as Error).message})`, { file: jsonFile }, 'a dataset sidecar written by writeDataset');
  }
  if (meta?.format !== FORMAT || meta.version !== 1) {
    throw new EcgInputError(`format ${JSON.stringify(meta?.format)} version ${JSON.stringify(meta?.version)}`, { file: jsonFile, at: 'key format' }, `"${FORMAT}" version 1`);
  }
  let bin: Buffer;
  try {
    bin = fs.readFileSync(binFile);
  } catch (e) {
    throw new EcgInputError(`cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: binFile }, `the arrays of ${jsonFile}`);
  }
  if (bin.length !== meta.binBytes) throw new EcgInputError(`${bin.length} bytes`, { file: binFile }, `${meta.binBytes} bytes as ${jsonFile} records`);
  if (bin.toString('latin1', 0, 8) !== MAGIC) throw new EcgInputError('not a dataset array file', { file: binFile, at: 'byte 0' }, `the magic "${MAGIC}"`);
  const stored = bin.toString('latin1', 8, 16);
  if (stored !== meta.hash || hashBytes(bin.subarray(HEADER_BYTES)) !== meta.hash) {
    throw new EcgInputError(`content hash ${stored} does not match`, { file: binFile, at: 'byte 8' }, `hash ${meta.hash} from ${jsonFile} (the two files come from different writes, or the .bin is damaged)`);
  }
  const out: Record<string, unknown> = { ...(meta.fields ?? {}) };
  for (const [key, spec] of Object.entries(meta.arrays ?? {})) {
    const Ctor = TYPES[spec.type as TypeName];
    if (!Ctor) throw new EcgInputError(`array type "${spec.type}"`, { file: jsonFile, at: `key arrays.${key}` }, Object.keys(TYPES).join(', '));
    const byteLength = spec.length * Ctor.BYTES_PER_ELEMENT;
    if (!(spec.offset >= HEADER_BYTES && spec.offset + byteLength <= bin.length)) {
      throw new EcgInputError(`bytes ${spec.offset}..${spec.offset + byteLength} outside the file`, { file: binFile, at: `key arrays.${key}` }, `within ${bin.length} bytes`);
    }
    out[key] = new Ctor((bin.buffer as ArrayBuffer).slice(bin.byteOffset + spec.offset, bin.byteOffset + spec.offset + byteLength));
  }
  const x = out.x as Typed | undefined;
  if (x && typeof out.n === 'number' && typeof out.length === 'number' && x.length !== out.n * out.length) {
    throw new EcgInputError(`x has ${x.length} values`, { file: binFile, at: 'key arrays.x' }, `n × length = ${out.n} × ${out.length}`);
  }
  return out as T;
}

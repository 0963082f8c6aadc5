import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { methods } from '../../shared/contract';
import { SEPA_TEXT } from '../../shared/domain/sepa-charset';

/** zod 4's own description of a schema: enough of it to walk to every field an issue's path can name. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
  checks?: { _zod: { def: { format?: string; pattern?: RegExp } } }[];
}

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;
const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'];

export interface ContractFields {
  /** Every path an input issue can have, with `#` for a list's index: `basket.lines.#.quantity`. */
  paths: Set<string>;
  /** The paths whose strings must match SEPA_TEXT. */
  sepa: Set<string>;
}

function children(def: Def, path: string[]): [z.ZodType, string[]][] {
  if (def.type === 'object')
    return Object.entries(def.shape ?? {}).map(([key, value]) => [value, [...path, key]]);
  if (def.type === 'array' && def.element) return [[def.element, [...path, '#']]];
  if (def.type === 'record' && def.valueType) return [[def.valueType, [...path, '*']]];
  if (def.type === 'tuple') return (def.items ?? []).map((item) => [item, [...path, '#']]);
  if (WRAPPERS.includes(def.type) && def.innerType) return [[def.innerType, path]];
  if (def.type === 'lazy' && def.getter) return [[def.getter(), path]];
  const inner = [def.in, def.out, def.left, def.right, ...(def.options ?? [])];
  return inner.filter((schema) => schema !== undefined).map((schema) => [schema, path]);
}

function walk(schema: z.ZodType, path: string[], found: ContractFields, seen: Set<z.ZodType>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  if (path.length > 0) found.paths.add(path.join('.'));
  const sepa = def.checks?.some((check) => check._zod.def.pattern?.source === SEPA_TEXT.source);
  if (def.type === 'string' && sepa) found.sepa.add(path.join('.'));
  for (const [child, at] of children(def, path)) walk(child, at, found, new Set(seen));
}

/** Every input field of every contract method, read from the zod schemas themselves. */
export function contractFields(): ContractFields {
  const found: ContractFields = { paths: new Set(), sepa: new Set() };
  for (const spec of Object.values(methods)) walk(spec.input as z.ZodType, [], found, new Set());
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The fields the station names itself when it refuses an input after the schema passed: the literal
 * names in `fields: ['…']`, in an `invalid('…')` helper of a file that makes INVALID_INPUT, and in a
 * TopupPayloadError.
 */
export function stationReportedFields(root: string): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles(join(root, 'electron/core')), ...sourceFiles(join(root, 'shared'))]) {
    const text = readFileSync(file, 'utf8');
    const patterns = [/fields: \[\s*'([A-Za-z.]+)'/g, /PayloadError\(\s*'([A-Za-z]+)'/g];
    if (text.includes("ContractFailure('INVALID_INPUT'")) patterns.push(/\binvalid\(\s*'([A-Za-z]+)'/g);
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1] ?? '');
  }
  return names;
}

import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { refuse } from '../../../shared/contract/station-refusal';

/**
 * Reads a JSON file of the data folder against its schema: null when the file does not exist, the
 * parsed value (defaults filled in) when it is valid, and a StartRefusal naming the file, and the
 * field when one is wrong, in every other case. Nothing here ever writes.
 */
export function readJsonFile<T extends z.ZodType>(file: string, schema: T): z.output<T> | null {
  if (!existsSync(file)) return null;
  const parsed = schema.safeParse(parseJson(file, readText(file)));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(the whole file)';
  throw refuse({
    file,
    problem: 'bad-field',
    detail: `the field "${field}" is wrong (${issue?.message ?? 'invalid'})`,
    field,
    remedies: ['fix-field'],
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw refuse({
      file,
      problem: 'unreadable',
      detail: `it cannot be read (${code})`,
      remedies: ['fix-file'],
    });
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A truncated write or a hand edit gone wrong: say so rather than show JSON.parse's position.
    const detail =
      text.trim() === '' ? 'it is empty, not JSON' : 'it is not valid JSON (truncated or damaged)';
    throw refuse({ file, problem: 'not-json', detail, remedies: ['fix-file'] });
  }
}

import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { methods, type ParsedInput } from '../../shared/contract';
import { DEFAULT_GRID } from '../core/topup/pdf/page-geometry';

export const USAGE = [
  'usage: npm run topup -- batch [--profile PPID] --count N --mode open|modifiable|fixed [--amount CENTS]',
  '         --description TEXT --layout a4|strip|card|label --out FILE.pdf [--event NAME] [--locale nl|fr|en]',
  '         [--rows N --columns N --margin MM] [--logo FILE.png|.jpg] [--legacy-host] [--data DIR]',
  '         [--database postgres://HOST/kassa]',
  '       npm run topup -- verify-id ID',
].join('\n');

/** A command line that cannot be run as given: exit code 2, with the usage. */
export class UsageError extends Error {}

export interface BatchCommand {
  input: ParsedInput<'topup.createBatch'>;
  out: string;
  data: string | undefined;
  /** `--database`: the site's PostgreSQL address, checked by the command line (command-line-mode.ts). */
  database: string | undefined;
  /** Whether --locale was given; otherwise the station's language applies. */
  localeGiven: boolean;
}

const OPTIONS = {
  profile: { type: 'string' },
  count: { type: 'string' },
  mode: { type: 'string' },
  amount: { type: 'string' },
  description: { type: 'string' },
  event: { type: 'string' },
  layout: { type: 'string' },
  out: { type: 'string' },
  locale: { type: 'string' },
  rows: { type: 'string' },
  columns: { type: 'string' },
  margin: { type: 'string' },
  logo: { type: 'string' },
  'legacy-host': { type: 'boolean', default: false },
  data: { type: 'string' },
  database: { type: 'string' },
} as const;

/** Whole numbers only: `--count 1e3` or `--amount 12.50` are mistakes, not 1000 and 12. */
const whole = (raw: string | undefined): number | undefined =>
  raw === undefined ? undefined : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;

function logoDataUrl(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  const type = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' }[extname(file).toLowerCase()];
  if (!type) throw new UsageError('--logo must be a .png, .jpg or .jpeg file');
  try {
    return `data:image/${type};base64,${readFileSync(file).toString('base64')}`;
  } catch {
    throw new UsageError(`--logo: cannot read ${file}`);
  }
}

function grid(values: { rows?: string; columns?: string; margin?: string }) {
  if (values.rows === undefined && values.columns === undefined && values.margin === undefined)
    return undefined;
  const margin = values.margin === undefined ? DEFAULT_GRID.marginMm : Number(values.margin);
  return {
    rows: whole(values.rows) ?? DEFAULT_GRID.rows,
    columns: whole(values.columns) ?? DEFAULT_GRID.columns,
    marginMm: margin,
  };
}

/** Reads `batch …` into the contract's own input, checked by the contract's own schema. */
export function parseBatch(args: string[]): BatchCommand {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!values.out) throw new UsageError('--out FILE.pdf is required');
  const raw = {
    profileId: values.profile,
    count: whole(values.count),
    amountMode: values.mode,
    amountCents: whole(values.amount),
    description: values.description,
    eventName: values.event ?? values.description,
    logoDataUrl: logoDataUrl(values.logo),
    layout: values.layout,
    grid: grid(values),
    legacyHost: values['legacy-host'],
    locale: values.locale,
  };
  const parsed = methods['topup.createBatch'].input.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `--${flagOf(issue.path.join('.'))}: ${issue.message}`,
    );
    throw new UsageError(problems.join('\n'));
  }
  return {
    input: parsed.data,
    out: resolve(values.out),
    data: values.data,
    database: values.database,
    localeGiven: values.locale !== undefined,
  };
}

const FLAGS: Record<string, string> = {
  profileId: 'profile',
  amountMode: 'mode',
  amountCents: 'amount',
  eventName: 'event',
  logoDataUrl: 'logo',
  legacyHost: 'legacy-host',
  'grid.rows': 'rows',
  'grid.columns': 'columns',
  'grid.marginMm': 'margin',
};

function flagOf(field: string): string {
  return FLAGS[field] ?? field;
}

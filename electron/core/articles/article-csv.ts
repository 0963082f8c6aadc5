import { CsvError, parse } from 'csv-parse/sync';
import { MAX_IMPORT_ARTICLES } from '../../../shared/contract/article-views';
import type { FieldProblem } from '../../../shared/contract/errors';
import type { ArticleFields } from './article-rows';
import {
  activeCell,
  barcodeCell,
  categoryCell,
  colourCell,
  columnOf,
  nameCell,
  positionCell,
  priceCell,
  REQUIRED_COLUMNS,
  shopsCell,
  vatCell,
  type ArticleColumn,
  type Cell,
} from './article-csv-fields';
import { PLAN_COLUMNS, planOfCells, type PlanCells } from './article-csv-plan';

/** One good line of a catalogue CSV: the fields its columns set (absent columns keep what is stored). */
export interface ArticleDraft {
  /** The line in the file (1 is the header), as a spreadsheet numbers it. */
  line: number;
  id: string | null;
  fields: Partial<ArticleFields>;
  /** The plan's cells, made into `fields.recurringPlan` once the line is read. */
  planCells?: PlanCells;
}

export interface ParsedCsv {
  drafts: ArticleDraft[];
  problems: FieldProblem[];
}

export interface CsvContext {
  vatRates: readonly number[];
  shops: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * Reads a catalogue CSV as Excel writes it in Belgium (`;`, decimal comma) or elsewhere (`,`, decimal
 * point). The separator is the header's: a header holds no amounts, so its commas are separators.
 * Every line is checked, so that one answer names every problem in the file.
 */
export function parseArticleCsv(csv: string, context: CsvContext): ParsedCsv {
  const records = readRecords(csv);
  if ('problem' in records) return { drafts: [], problems: [records.problem] };
  const [header, ...lines] = records.rows;
  if (!header || lines.length === 0)
    return { drafts: [], problems: [{ line: 1, column: '', problem: 'empty' }] };
  if (lines.length > MAX_IMPORT_ARTICLES) {
    return { drafts: [], problems: [{ line: MAX_IMPORT_ARTICLES + 2, column: '', problem: 'tooManyLines' }] };
  }
  const columns = readHeader(header.cells);
  if ('problems' in columns) return { drafts: [], problems: columns.problems };
  const parsed: ParsedCsv = { drafts: [], problems: [] };
  for (const { line, cells } of lines) {
    const result = readLine(line, cells, columns.names, context);
    if ('problems' in result) parsed.problems.push(...result.problems);
    else parsed.drafts.push(result);
  }
  return parsed;
}

interface Row {
  line: number;
  cells: string[];
}

function readRecords(csv: string): { rows: Row[] } | { problem: FieldProblem } {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') >= count(firstLine, ',') && firstLine.includes(';') ? ';' : ',';
  try {
    const records = parse(csv, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return { rows: records.map(({ record, info }) => ({ line: info.lines, cells: record })) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return { problem: { line, column: '', problem: 'unreadable' } };
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function readHeader(cells: string[]): { names: ArticleColumn[] } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const names: ArticleColumn[] = [];
  cells.forEach((cell) => {
    const column = columnOf(cell);
    if (!column || names.includes(column)) problems.push({ line: 1, column: cell, problem: 'unknownColumn' });
    else names.push(column);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!names.includes(column)) problems.push({ line: 1, column, problem: 'missingColumn' });
  }
  // A period or a threshold means nothing without the plan's kind beside it.
  if (!names.includes('plan') && names.some((name) => (PLAN_COLUMNS as readonly string[]).includes(name))) {
    problems.push({ line: 1, column: 'plan', problem: 'missingColumn' });
  }
  return problems.length > 0 ? { problems } : { names };
}

type Setter = (draft: ArticleDraft, cell: string, context: CsvContext) => Cell<unknown>;

/** How each column's cell becomes a field; null stands for "the default" (a colour left empty). */
const SETTERS: Record<ArticleColumn, Setter> = {
  id: (draft, cell) => ((draft.id = cell.trim() || null), { ok: true, value: draft.id }),
  name: (draft, cell) => into(nameCell(cell), (name) => (draft.fields.name = name)),
  price: (draft, cell) => into(priceCell(cell), (cents) => (draft.fields.priceCents = cents)),
  vat: (draft, cell, { vatRates }) => into(vatCell(cell, vatRates), (rate) => (draft.fields.vatRate = rate)),
  category: (draft, cell) => into(categoryCell(cell), (category) => (draft.fields.category = category)),
  colour: (draft, cell) =>
    into(colourCell(cell), (colour) => colour !== null && (draft.fields.colour = colour)),
  barcode: (draft, cell) => into(barcodeCell(cell), (barcode) => (draft.fields.barcode = barcode)),
  active: (draft, cell) => into(activeCell(cell), (active) => (draft.fields.active = active)),
  shops: (draft, cell, { shops }) => into(shopsCell(cell, shops), (ids) => (draft.fields.shopIds = ids)),
  position: (draft, cell) => into(positionCell(cell), (position) => (draft.fields.position = position)),
  plan: planCell('plan'),
  period: planCell('period'),
  charges: planCell('charges'),
  threshold: planCell('threshold'),
  topup: planCell('topup'),
};

/** Kept as read: a plan's cells are checked together once the line is read (article-csv-plan.ts). */
function planCell(column: (typeof PLAN_COLUMNS)[number]): Setter {
  return (draft, cell) => {
    draft.planCells = { ...draft.planCells, [column]: cell };
    return { ok: true, value: cell };
  };
}

function into<T>(cell: Cell<T>, set: (value: T) => unknown): Cell<T> {
  if (cell.ok) set(cell.value);
  return cell;
}

function readLine(
  line: number,
  cells: string[],
  names: ArticleColumn[],
  context: CsvContext,
): ArticleDraft | { problems: FieldProblem[] } {
  // More cells than columns is a price's comma read as a separator, or a shifted line; fewer is a
  // spreadsheet that left the empty cells at the end out.
  if (cells.length > names.length) return { problems: [{ line, column: '', problem: 'cellCount' }] };
  const draft: ArticleDraft = { line, id: null, fields: {} };
  const problems: FieldProblem[] = [];
  names.forEach((column, index) => {
    const result = SETTERS[column](draft, cells[index] ?? '', context);
    if (!result.ok) problems.push({ line, column, problem: result.problem });
  });
  if (draft.planCells) {
    const plan = planOfCells(line, draft.planCells);
    if ('problems' in plan) problems.push(...plan.problems);
    else draft.fields.recurringPlan = plan.plan;
    delete draft.planCells;
  }
  return problems.length > 0 ? { problems } : draft;
}

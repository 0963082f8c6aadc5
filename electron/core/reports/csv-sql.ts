import { sql, type SQL } from 'drizzle-orm';
import { addDays, localTime, type DayNumber } from '../../../shared/domain/business-day';
import { transactions as t } from '../db/schema';

const HOUR = 3_600_000;

export const CSV_HEADER = [
  'business_date',
  'created_at',
  'method',
  'status',
  'bancontact_status',
  'amount_eur',
  'rounding_eur',
  'vat_rate',
  'shop',
  'till',
  'cashier',
  'payment_profile',
  'sale_id',
  'reference',
  'bancontact_id',
  'wristband_id',
  // The transaction's net and VAT, summed over its parts per rate (transaction_vat); empty where no
  // VAT applies (top-ups, refunds). vat_rate is the sale's own rate (docs/register-rules.md).
  'net_eur',
  'vat_eur',
];

/** The Brussels offset from UTC of the hour that holds `ms`. */
function offsetAt(ms: number): number {
  const bucket = Math.floor(ms / HOUR) * HOUR;
  const { day, hour } = localTime(bucket);
  return Date.UTC(Math.floor(day / 10_000), (Math.floor(day / 100) % 100) - 1, day % 100, hour) - bucket;
}

/** Stretches of constant offset (winter, summer, …) from `from` to `to`, found with the same Intl rules as everywhere else. */
export function offsetWindows(fromDay: DayNumber, toDay: DayNumber): { start: number; offset: number }[] {
  const noon = (day: DayNumber) =>
    Date.UTC(Math.floor(day / 10_000), (Math.floor(day / 100) % 100) - 1, day % 100, 12);
  const windows = [{ start: -8.64e15, offset: offsetAt(noon(fromDay)) }];
  for (let day = fromDay; day < toDay; day = addDays(day, 1)) {
    const next = addDays(day, 1);
    if (offsetAt(noon(next)) === windows.at(-1)!.offset) continue;
    let hour = noon(day);
    while (offsetAt(hour) === windows.at(-1)!.offset) hour += HOUR;
    windows.push({ start: hour, offset: offsetAt(hour) });
  }
  return windows;
}

/** RFC 4180: the field quoted, its quotes doubled. */
function quoted(column: SQL): SQL {
  return sql`'"' || replace(${column}, '"', '""') || '"'`;
}

/**
 * Brussels wall-clock time `YYYY-MM-DD HH:MM:SS` of a ms timestamp, which Excel reads as date and time:
 * the arguments of LOCAL_DATE_TIME in the line's printf. The date by date(), the time of day by integer
 * arithmetic on the local seconds: the same text as strftime('%Y-%m-%d %H:%M:%S', …) for every time
 * after 1970, in about half its time (strftime was a fifth of the CPU of a million-row export).
 */
function localDateTime(column: SQL, windows: { start: number; offset: number }[]): SQL[] {
  const cases = windows
    .slice(1)
    .reverse()
    .map((w) => sql`WHEN ${column} >= ${w.start} THEN ${w.offset}`);
  const offset = sql`CASE ${sql.join(cases, sql` `)} ELSE ${windows[0]!.offset} END`;
  const seconds = sql`((${column} + ${offset}) / 1000)`;
  return [
    sql`date(${seconds}, 'unixepoch')`,
    sql`${seconds} / 3600 % 24`,
    sql`${seconds} / 60 % 60`,
    sql`${seconds} % 60`,
  ];
}

const LOCAL_DATE_TIME = '%s %02d:%02d:%02d';

/**
 * One CSV line per row, built by SQLite with a single printf. Why not a CSV library: @fast-csv/format
 * needs 2.0 s per million rows just to format in JS (csv-stringify 5.8 s), and handing every row's
 * 16 fields to JS costs another 3–4 s, so neither meets the 5 s the issue allows for a million rows;
 * SQLite's printf writes them in about 1.6 s on the project's machine. Amounts are integer cents
 * written with integer arithmetic and the decimal mark that goes with the separator.
 *
 * Quoting (RFC 4180): only the shop, till, cashier and profile columns hold text a person chose; when
 * one of them holds the separator, a quote or a line break, that row takes the slower path that
 * quotes them. Ids and enums never need it.
 */
export function csvLine(separator: string, windows: { start: number; offset: number }[], ending = ''): SQL {
  const decimal = separator === ';' ? ',' : '.';
  const money = `%s%d${decimal}%02d`;
  // `ending` (the export's CRLF) is part of the format: no second string per row to append it.
  const format =
    ['%d-%02d-%02d', LOCAL_DATE_TIME, '%s', '%s', '%s', money, money, ...Array(10).fill('%s')].join(
      separator,
    ) + ending;
  const chosen = [sql`${t.shopId}`, sql`${t.tillId}`, sql`${t.cashierId}`, sql`${t.profileId}`];
  const line = (texts: SQL[]) =>
    sql`printf(${format}, ${sql.join(printfArguments(separator, windows, texts), sql`, `)})`;
  // A GLOB class of what forces quotes: the separator, a quote, a line feed, a carriage return.
  const needsQuotes = `*[${separator}"\n\r]*`;
  const guard = sql`(${sql.join(chosen, sql` || `)}) GLOB ${needsQuotes}`;
  const quotedWhereNeeded = chosen.map(
    (c) => sql`CASE WHEN ${c} GLOB ${needsQuotes} THEN ${quoted(c)} ELSE ${c} END`,
  );
  return sql`CASE WHEN ${guard} THEN ${line(quotedWhereNeeded)} ELSE ${line(chosen)} END`;
}

/** The values for csvLine's format, in CSV_HEADER order; `texts` are the shop, till, cashier and profile. */
function printfArguments(
  separator: string,
  windows: { start: number; offset: number }[],
  texts: SQL[],
): SQL[] {
  const day = sql`${t.businessDay}`;
  const money = (column: SQL) => [
    sql`CASE WHEN ${column} < 0 THEN '-' ELSE '' END`,
    sql`abs(${column}) / 100`,
    sql`abs(${column}) % 100`,
  ];
  // printf's %s writes NULL as nothing: the optional columns go in as they are.
  return [
    ...[sql`${day} / 10000`, sql`${day} / 100 % 100`, sql`${day} % 100`],
    ...localDateTime(sql`${t.createdAt}`, windows),
    ...[sql`${t.method}`, sql`${t.status}`, sql`${t.paymentStatus}`],
    ...money(sql`${t.amountCents}`),
    ...money(sql`${t.roundingCents}`),
    sql`${t.vatRate}`,
    ...texts,
    ...[t.saleId, t.paymentId, t.bancontactId, t.wristbandId].map((c) => sql`${c}`),
    netAndVat(separator),
  ];
}

/**
 * The net and VAT fields of a row, from its parts in one lookup (two empty fields when it has none):
 * a sub-select per row on transaction_vat's key. Refunds and cancels carry negative parts: written as
 * the amounts are, sign first and then the absolute value (-0,05, never 0,-5).
 */
function netAndVat(separator: string): SQL {
  const decimal = separator === ';' ? ',' : '.';
  const money = `%s%d${decimal}%02d`;
  const parts = (column: string) => {
    const sum = sql.raw(`sum(v.${column})`);
    return sql`CASE WHEN ${sum} < 0 THEN '-' ELSE '' END, abs(${sum}) / 100, abs(${sum}) % 100`;
  };
  return sql`coalesce((SELECT printf(${money + separator + money}, ${parts('net_cents')}, ${parts('vat_cents')})
    FROM transaction_vat v WHERE v.source = ${t.source} HAVING count(*) > 0), ${separator})`;
}

/** netAndVat on PostgreSQL: the same two fields (sum() of int8 is numeric there: back to bigint first). */
function netAndVatPg(separator: string): SQL {
  const decimal = separator === ';' ? ',' : '.';
  const money = (column: string) => {
    const sum = sql.raw(`sum(v.${column})::bigint`);
    return sql`concat(CASE WHEN ${sum} < 0 THEN '-' ELSE '' END, (abs(${sum}) / 100)::text, ${decimal}::text, lpad((abs(${sum}) % 100)::text, 2, '0'))`;
  };
  return sql`coalesce((SELECT concat(${money('net_cents')}, ${separator}::text, ${money('vat_cents')})
    FROM transaction_vat v WHERE v.source = ${t.source} HAVING count(*) > 0), ${separator}::text)`;
}

/*
 * PostgreSQL's twin of csvLine: the same bytes, built with concat (which, like printf's %s, writes
 * NULL as nothing), lpad for the zero-padded numbers and to_char for the wall-clock time. The quoting
 * guard is a regular expression of the same class as SQLite's GLOB, on the same concatenation (so a
 * NULL column leaves a row unquoted on both engines alike).
 */

const text = (column: SQL) => sql`(${column})::text`;
const padded = (value: SQL) => sql`lpad(${text(value)}, 2, '0')`;
/** A computed integer (an offset, a window's start), written into the SQL as a typed literal. */
const literal = (n: number) => sql.raw(`${Math.trunc(n)}::bigint`);

function localDateTimePg(column: SQL, windows: { start: number; offset: number }[]): SQL {
  const cases = windows
    .slice(1)
    .reverse()
    .map((w) => sql`WHEN ${column} >= ${literal(w.start)} THEN ${literal(w.offset)}`);
  const offset = sql`CASE ${sql.join(cases, sql` `)} ELSE ${literal(windows[0]!.offset)} END`;
  return sql`to_char(to_timestamp((${column} + ${offset}) / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')`;
}

function fieldsPg(separator: string, windows: { start: number; offset: number }[], texts: SQL[]): SQL[] {
  const decimal = separator === ';' ? ',' : '.';
  const day = sql`${t.businessDay}`;
  const money = (column: SQL) =>
    sql`concat(CASE WHEN ${column} < 0 THEN '-' ELSE '' END, ${text(sql`abs(${column}) / 100`)}, ${decimal}::text, ${padded(sql`abs(${column}) % 100`)})`;
  const optional = (column: SQL) => sql`coalesce(${text(column)}, '')`;
  return [
    sql`concat(${text(sql`${day} / 10000`)}, '-', ${padded(sql`${day} / 100 % 100`)}, '-', ${padded(sql`${day} % 100`)})`,
    localDateTimePg(sql`${t.createdAt}`, windows),
    ...[sql`${t.method}`, sql`${t.status}`, optional(sql`${t.paymentStatus}`)],
    money(sql`${t.amountCents}`),
    money(sql`${t.roundingCents}`),
    optional(sql`${t.vatRate}`),
    ...texts,
    ...[t.saleId, t.paymentId, t.bancontactId, t.wristbandId].map((c) => optional(sql`${c}`)),
    netAndVatPg(separator),
  ];
}

/** One CSV line per row, built by PostgreSQL; the same line csvLine builds on SQLite. */
export function csvLinePg(separator: string, windows: { start: number; offset: number }[]): SQL {
  const chosen = [sql`${t.shopId}`, sql`${t.tillId}`, sql`${t.cashierId}`, sql`${t.profileId}`];
  const line = (texts: SQL[]) =>
    sql`concat_ws(${separator}::text, ${sql.join(fieldsPg(separator, windows, texts), sql`, `)})`;
  const needsQuotes = `[${separator}"\n\r]`;
  const guard = sql`(${sql.join(chosen, sql` || `)}) ~ ${needsQuotes}::text`;
  const quotedWhereNeeded = chosen.map(
    (c) => sql`coalesce(CASE WHEN ${c} ~ ${needsQuotes}::text THEN ${quoted(c)} ELSE ${c} END, '')`,
  );
  return sql`CASE WHEN ${guard} THEN ${line(quotedWhereNeeded)} ELSE ${line(chosen.map((c) => sql`coalesce(${c}, '')`))} END`;
}

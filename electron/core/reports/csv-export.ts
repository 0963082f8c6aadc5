import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { format } from '@fast-csv/format';
import { formatDay, localTime } from '../../../shared/domain/business-day';
import type { Db } from '../db/open-database';
import type { TransactionRow } from './bookkeeper';
import { pageRows, type TransactionFilters } from './transaction-queries';

export type CsvSeparator = ';' | ',';

const HEADER = [
  'id',
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
];

/** Rows read per query: large enough to be quick, small enough that memory stays flat. */
const PAGE = 2_000;

/**
 * Streams the filtered transactions to `path`: UTF-8 with a BOM (Excel then reads it as UTF-8), CRLF,
 * fields quoted by @fast-csv/format where they hold the separator, a quote or a line break. Pages are
 * read by keyset and the loop yields to the event loop between them, so payments keep flowing while
 * a million rows are written; no more than one page is ever held.
 */
export async function writeTransactionsCsv(
  db: Db,
  filters: TransactionFilters,
  path: string,
  separator: CsvSeparator,
): Promise<number> {
  const csv = format({ delimiter: separator, rowDelimiter: '\r\n', writeBOM: true });
  const file = createWriteStream(path);
  csv.pipe(file);
  // Excel in nl-BE and fr-BE reads `;` files with a decimal comma; `,` files keep the dot.
  const decimal = separator === ';' ? ',' : '.';
  csv.write(HEADER);
  let rows = 0;
  let after: { day: number; seq: number } | null = null;
  for (;;) {
    const page = pageRows(db, filters, after, PAGE);
    for (const row of page) {
      if (!csv.write(csvRow(row, decimal))) await once(csv, 'drain');
    }
    rows += page.length;
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    after = { day: last.businessDay, seq: last.seq };
    await yieldToEventLoop();
  }
  csv.end();
  await finished(file);
  return rows;
}

function csvRow(r: TransactionRow, decimal: string): string[] {
  return [
    r.source,
    formatDay(r.businessDay),
    localDateTime(r.createdAt),
    r.method,
    r.status,
    r.paymentStatus ?? '',
    euros(r.amountCents, decimal),
    euros(r.roundingCents, decimal),
    r.vatRate === null ? '' : String(r.vatRate),
    r.shopId,
    r.tillId,
    r.cashierId,
    r.profileId,
    r.saleId ?? '',
    r.paymentId ?? '',
    r.bancontactId ?? '',
    r.wristbandId ?? '',
  ];
}

/** Integer arithmetic: no float ever touches an amount. */
export function euros(cents: number, decimal: string): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${decimal}${String(abs % 100).padStart(2, '0')}`;
}

/** Brussels wall-clock time, `YYYY-MM-DD HH:MM:SS`, which Excel reads as a date and time. */
export function localDateTime(ms: number): string {
  const { day, hour } = localTime(ms);
  // Brussels is a whole number of hours from UTC: minutes and seconds are UTC's.
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatDay(day)} ${two(hour)}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

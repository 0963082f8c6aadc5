import { transform, type Encoding } from 'receiptline';
import { PRINTER_CODE_PAGES } from '../../../shared/contract/receipt-methods';
import { receiptRows, type ReceiptRow } from '../../../shared/contract/receipt-lines';
import type { ReceiptView } from '../../../shared/contract/receipt-views';

/*
 * The receipt as ESC/POS bytes for a network thermal printer. receiptline (pinned 4.0.4) does the
 * printer's part: the code page (its own tables through iconv-lite, so "é", "ç" and "€" come out as the
 * printer's bytes for its code page), columns that fit 32 or 48 characters, raster images and the cut.
 * It was chosen over @node-escpos/core because it renders to bytes without a device adapter (we send
 * them ourselves over raw TCP), knows the code page switch per text run, and is kept up to date.
 */

export interface EscPosOptions {
  paperMm: 58 | 80 | number;
  codePage: string;
  /** The logo as PNG, printed as a raster image; a JPEG logo is not printed (receiptline reads PNG only). */
  logoPng?: Buffer | null;
  /** Pulse the cash drawer wired to the printer (ESC p, pin 2). */
  openDrawer?: boolean;
  copy?: number;
}

/** ESC p m t1 t2: pulse pin 2 (m = 0) on for 50 ms (t1 = 25 × 2 ms) and off for 500 ms (t2 = 250 × 2 ms). */
export const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);

export function columnsFor(paperMm: number): number {
  return paperMm === 58 ? 32 : 48;
}

export function renderEscPos(view: ReceiptView, options: EscPosOptions): Buffer {
  const logo = options.logoPng ? options.logoPng.toString('base64') : null;
  const markdown = receiptRows(view, { copy: options.copy })
    .map((row) => rowMarkdown(row, logo))
    .filter((line) => line !== null)
    .join('\n');
  const encoding = receiptlineEncoding(options.codePage);
  const text = transform(`${markdown}\n`, {
    cpl: columnsFor(options.paperMm),
    encoding,
    command: 'escpos',
    cutting: true,
  });
  const receipt = Buffer.from(text, 'binary');
  // The pulse goes first: the drawer opens while the receipt prints, as a cashier expects.
  return options.openDrawer ? Buffer.concat([DRAWER_PULSE, receipt]) : receipt;
}

/** cp850 is not in receiptline's list; cp858 is cp850 with "€" in place of "ı", so it prints the same. */
function receiptlineEncoding(codePage: string): Encoding {
  if (codePage === 'cp850') return 'cp858';
  return (PRINTER_CODE_PAGES as readonly string[]).includes(codePage) ? (codePage as Encoding) : 'cp858';
}

/** receiptline's markup characters, escaped so a name like "Fish | Chips" prints as written. */
export function escapeMarkup(text: string): string {
  return text.replace(/[\\|{}~_"`^]/g, (c) => `\\${c}`).replace(/^[-=]/, (c) => `\\${c}`);
}

function rowMarkdown(row: ReceiptRow, logo: string | null): string | null {
  switch (row.kind) {
    case 'logo':
      return logo ? `{image:${logo}}` : null;
    case 'title':
      return `^^${escapeMarkup(row.text)}`;
    case 'center':
      return `| ${escapeMarkup(row.text)} |`;
    case 'mark':
      return `| "${escapeMarkup(row.text)}" |`;
    case 'pair':
      return pairMarkdown(row.left, row.right, row.strong === true);
    case 'detail':
      return `|${escapeMarkup(row.text)} |`;
    case 'table':
      // "text |" keeps a column left, "| text|" and a last "| text" right: figures line up.
      return row.cells
        .map((cell, i) => (i === 0 ? `${escapeMarkup(cell)} ` : ` ${escapeMarkup(cell)}`))
        .join('|');
    case 'rule':
      return '-';
  }
}

function pairMarkdown(left: string, right: string, strong: boolean): string {
  // receiptline trims a column, so an indented detail ("  discount") prints at the margin.
  const l = escapeMarkup(left.trim());
  const r = escapeMarkup(right);
  return strong ? `"${l}" | "${r}"` : `${l} | ${r}`;
}

import type { CreditTransfer } from './pain001';

export interface CsvRefund extends CreditTransfer {
  wristbandId: string;
  bancontactId: string;
}

const HEADER = [
  'wristband',
  'creditor_name',
  'creditor_iban',
  'amount_eur',
  'end_to_end_id',
  'bancontact_payment_id',
];

/**
 * The same refunds for a spreadsheet: UTF-8 with a byte order mark and `;` between fields, which is
 * what Excel in Belgium opens without an import dialog; amounts therefore use a decimal comma.
 */
export function buildRefundCsv(refunds: readonly CsvRefund[]): string {
  const rows = refunds.map((r) => [
    r.wristbandId,
    r.creditorName,
    r.creditorIban,
    decimalComma(r.amountCents),
    r.endToEndId,
    r.bancontactId,
  ]);
  return `\uFEFF${[HEADER, ...rows].map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}

function decimalComma(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

function field(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

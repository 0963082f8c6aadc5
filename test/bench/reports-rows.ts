import type Database from 'better-sqlite3';
import type { Booking } from '../../electron/core/ledger/booking';
import { WRISTBAND_ALPHABET, wristbandIdFromData } from '../../shared/domain/wristband-id';

export interface BenchTill {
  id: string;
  shopId: string;
  vatRate: number;
  cashiers: [string, string];
  /** Sticker tills take Bancontact through the printed sticker (POST /v3/payments/pos). */
  sticker: boolean;
}

/** Three shops, twelve tills, two cashiers per till (a day and an evening shift). */
export const BENCH_SHOPS = [
  { id: 'bar', name: 'Main bar' },
  { id: 'food', name: 'Food court' },
  { id: 'merch', name: 'Merchandise' },
];

export const BENCH_TILLS: BenchTill[] = Array.from({ length: 12 }, (_, i) => {
  const shopId = i < 6 ? 'bar' : i < 10 ? 'food' : 'merch';
  const vatRate = shopId === 'food' ? (i === 9 ? 6 : 12) : 21;
  const id = `till-${String(i + 1).padStart(2, '0')}`;
  return { id, shopId, vatRate, cashiers: [`c${i * 2 + 1}`, `c${i * 2 + 2}`], sticker: i === 5 || i === 11 };
});

type Attr = { tillId: string; shopId: string; cashierId: string; vatRate: number };

/** A generated sale's basket as stored: its lines and its VAT per rate. */
export interface BenchBasket {
  lines: { name: string; quantity: number; unitPriceCents: number; vatRate: number; grossCents: number }[];
  byRate: { ratePercent: number; grossCents: number; netCents: number; vatCents: number }[];
}

export interface BenchPayment {
  paymentId: string;
  saleId: string;
  bancontactId: string;
  profileId: string;
  status: string;
  amountCents: number;
  posId: string | null;
  at: number;
}

export interface BenchDrawer {
  id: string;
  tillId: string;
  cashierId: string;
  openedAt: number;
  closedAt: number;
  cashSales: number;
  expected: number;
  counted: number;
  day: number;
}

/** Prepared inserts for every raw table the bench fills, and the transactions rows. */
export function benchStatements(client: Database.Database) {
  const prepare = (sql: string) => client.prepare(sql);
  const sale =
    prepare(`INSERT INTO sales (id, till_id, amount_cents, status, tender, wristband_id, idempotency_key,
    shop_id, cashier_id, vat_rate, created_at, updated_at, completed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // A bench sale is paid by one tender: cash and wristband name themselves, a payment is marked once made.
  const completed = prepare('UPDATE sales SET completed_by = ? WHERE id = ?');
  const payment =
    prepare(`INSERT INTO payments (id, sale_id, bancontact_id, profile_id, status, amount_cents, pos_id,
    expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = prepare(
    'INSERT INTO payment_events (id, payment_id, at, from_status, to_status, source) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const entry =
    prepare(`INSERT INTO wristband_entries (id, wristband_id, kind, amount_cents, bancontact_id, sale_id, at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const cash =
    prepare(`INSERT INTO cash_tenders (id, sale_id, session_id, due_cents, tendered_cents, change_cents,
    rounding_cents, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const drawer =
    prepare(`INSERT INTO drawer_sessions (id, till_id, status, cashier_id, opened_at, float_cents,
    cash_sales_cents, closed_at, expected_cents, counted_cents, difference_cents, business_day)
    VALUES (?, ?, 'closed', ?, ?, 15000, ?, ?, ?, ?, ?, ?)`);
  const transaction = prepare(`INSERT INTO transactions (source, method, status, payment_status, business_day,
    created_at, booked_at, amount_cents, rounding_cents, shop_id, till_id, cashier_id, vat_rate, profile_id, sale_id,
    payment_id, bancontact_id, wristband_id, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const line =
    prepare(`INSERT INTO sale_lines (id, sale_id, position, name, quantity, unit_price_cents, vat_rate,
    gross_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const saleVat = prepare(
    'INSERT INTO sale_vat (sale_id, vat_rate, gross_cents, net_cents, vat_cents) VALUES (?, ?, ?, ?, ?)',
  );
  const transactionVat = prepare(
    'INSERT INTO transaction_vat (source, vat_rate, gross_cents, net_cents, vat_cents) VALUES (?, ?, ?, ?, ?)',
  );
  const bandIds: string[] = [];
  return {
    bandId: (index: number) => bandIds[index]!,
    wristbands(count: number, at: number) {
      prepare(`INSERT INTO topup_batches (id, profile_id, count, amount_mode, description, event_name, payload_host,
        created_at) VALUES ('bench', 'PPIDTOPUP', ?, 'open', 'Top-up', 'Bench Fest', 'https://pay.bancontact.net', ?)`).run(
        count,
        at,
      );
      const band = prepare(
        'INSERT INTO wristbands (id, batch_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (let i = 0; i < count; i++) {
        const data = [...i.toString(31).padStart(10, '0')]
          .map((d) => WRISTBAND_ALPHABET[parseInt(d, 31)])
          .join('');
        bandIds.push(wristbandIdFromData(data));
        band.run(bandIds[i], 'bench', i, at, at);
      }
    },
    balances(values: Int32Array) {
      const update = prepare('UPDATE wristbands SET balance_cents = ? WHERE id = ?');
      values.forEach((cents, i) => update.run(cents, bandIds[i]));
    },
    sale(
      id: string,
      a: Attr,
      amount: number,
      status: string,
      tender: string,
      band: string | null,
      at: number,
    ) {
      sale.run(
        id,
        a.tillId,
        amount,
        status,
        tender,
        band,
        `k${id}`,
        a.shopId,
        a.cashierId,
        a.vatRate,
        at,
        at,
        status === 'paid' && tender !== 'bancontact' ? tender : null,
      );
    },
    completed(saleId: string, mark: string) {
      completed.run(mark, saleId);
    },
    basket(saleId: string, b: BenchBasket) {
      b.lines.forEach((l, i) =>
        line.run(`${saleId}-${i}`, saleId, i, l.name, l.quantity, l.unitPriceCents, l.vatRate, l.grossCents),
      );
      for (const r of b.byRate) saleVat.run(saleId, r.ratePercent, r.grossCents, r.netCents, r.vatCents);
    },
    payment(p: BenchPayment) {
      payment.run(
        p.paymentId,
        p.saleId,
        p.bancontactId,
        p.profileId,
        p.status,
        p.amountCents,
        p.posId,
        p.at + 120_000,
        p.at,
        p.at,
      );
    },
    event(id: number, paymentId: string, from: string | null, to: string, source: string, at: number) {
      event.run(id, paymentId, at, from, to, source);
    },
    entry(
      id: number,
      band: string,
      kind: string,
      amount: number,
      bancontactId: string | null,
      saleId: string | null,
      at: number,
    ) {
      entry.run(id, band, kind, amount, bancontactId, saleId, at);
    },
    cash(
      id: number,
      saleId: string,
      drawerId: string,
      due: number,
      tendered: number,
      change: number,
      rounding: number,
      at: number,
    ) {
      cash.run(id, saleId, drawerId, due, tendered, change, rounding, at);
    },
    drawer(d: BenchDrawer) {
      drawer.run(
        d.id,
        d.tillId,
        d.cashierId,
        d.openedAt,
        d.cashSales,
        d.closedAt,
        d.expected,
        d.counted,
        d.counted - d.expected,
        d.day,
      );
    },
    transaction(b: Booking) {
      transaction.run(
        b.source,
        b.method,
        b.status,
        b.paymentStatus,
        b.businessDay,
        b.createdAt,
        b.bookedAt,
        b.amountCents,
        b.roundingCents,
        b.shopId,
        b.tillId,
        b.cashierId,
        b.vatRate,
        b.profileId,
        b.saleId,
        b.paymentId,
        b.bancontactId,
        b.wristbandId,
        b.counts,
      );
      for (const p of b.vat)
        transactionVat.run(b.source, p.vatRate, p.grossCents, p.grossCents - p.vatCents, p.vatCents);
    },
  };
}

export type BenchStatements = ReturnType<typeof benchStatements>;

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result, SaleView } from '../../shared/contract';
import type { BasketInput } from '../../shared/contract/basket-input';
import { priceBasket, type PricedBasket } from '../../shared/domain/basket';
import { databaseSql } from '../support/database-sql';
import { reportSales } from '../support/report-sales';
import { signInAs } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { seedWristbands } from '../support/wristbands';

/*
 * Sales made of lines (docs/register-rules.md), through the contract as a till sends them: the station
 * prices the basket from the catalogue again, stores its lines and VAT per rate, and books every tender
 * per rate, so the sale, its rows, the transactions' parts and the X agree to the cent.
 */

let kassa: StationWithShell;
let sales: ReturnType<typeof reportSales>;
let band: string;
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
  sales = reportSales(kassa);
  // The catalogue, straight into the station database (as an import would leave it).
  databaseSql(kassa.dataDir, 'station').exec(`INSERT INTO articles
    (id, name, price_cents, vat_rate, active, shop_ids, created_at, updated_at) VALUES
    ('pils', 'Pils', 350, 21, 1, '[]', 0, 0), ('stew', 'Stoofvlees', 1450, 12, 1, '[]', 0, 0),
    ('fries', 'Frieten', 420, 6, 1, '[]', 0, 0), ('old', 'Oud bier', 300, 21, 0, '[]', 0, 0),
    ('cap', 'Pet', 1500, 21, 1, '["shop-2"]', 0, 0)`);
});
afterEach(async () => {
  await kassa.close();
});

/** Three rates, a line discount and a 10 % sale discount: about 11.5 % off, above the 10 % limit. */
const BASKET: BasketInput = {
  lines: [
    { articleId: 'pils', quantity: 3, discount: { kind: 'amount', cents: 50 } },
    { articleId: 'stew', quantity: 1, note: 'no onions' },
    { articleId: 'fries', quantity: 2 },
  ],
  discount: { kind: 'percent', percent: 10 },
  note: 'table 7',
};
const EXPECTED: PricedBasket = priceBasket(
  [
    { quantity: 3, unitPriceCents: 350, vatRate: 21, discount: { kind: 'amount', cents: 50 } },
    { quantity: 1, unitPriceCents: 1450, vatRate: 12 },
    { quantity: 2, unitPriceCents: 420, vatRate: 6 },
  ],
  { kind: 'percent', percent: 10 },
);
const amountCents = EXPECTED.grossCents;
const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);

interface VatRow {
  rate: number;
  gross: number;
  net: number;
  vat: number;
}

function expectSaleAsPriced(sale: SaleView): void {
  expect(sale).toMatchObject({
    amountCents,
    listCents: EXPECTED.listCents,
    discountCents: EXPECTED.discountCents,
    note: 'table 7',
    byRate: EXPECTED.byRate,
  });
  expect(sale.lines?.map((l) => [l.name, l.grossCents, l.lineDiscountCents + l.saleDiscountCents])).toEqual(
    EXPECTED.lines.map((l, i) => [
      ['Pils', 'Stoofvlees', 'Frieten'][i],
      l.grossCents,
      l.lineDiscountCents + l.saleDiscountCents,
    ]),
  );
  expect(sale.lines?.[1]?.note).toBe('no onions');
  const stored = kassa.query<VatRow>(
    'SELECT vat_rate rate, gross_cents gross, net_cents net, vat_cents vat FROM sale_vat WHERE sale_id = ? ORDER BY vat_rate DESC',
    sale.id,
  );
  expect(stored).toEqual(EXPECTED.byRate.map((r) => rowOf(r)));
  // One tender paid it all: its parts per rate are the sale's own figures.
  const parts = kassa.query<VatRow>(
    `SELECT v.vat_rate rate, v.gross_cents gross, v.net_cents net, v.vat_cents vat FROM transaction_vat v
     JOIN transactions t ON t.source = v.source WHERE t.sale_id = ? AND t.status = 'succeeded' ORDER BY v.vat_rate DESC`,
    sale.id,
  );
  expect(parts).toEqual(stored);
}

const rowOf = (r: { ratePercent: number; grossCents: number; netCents: number; vatCents: number }) => ({
  rate: r.ratePercent,
  gross: r.grossCents,
  net: r.netCents,
  vat: r.vatCents,
});

describe('a sale made of lines', () => {
  it('books a basket of three rates paid by Bancontact, cash and wristband alike, and the X adds up its VAT', async () => {
    await sales.topUp(band, 10_000);
    await kassa.must('drawer.open', { tillId: 'till-2', floatCents: 0 });
    const started = await kassa.must('till.startPayment', {
      ...{ amountCents, idempotencyKey: sales.key(), tillId: 'till-1', basket: BASKET },
    });
    await kassa.must('training.scan', { saleId: started.id });
    await kassa.must('training.confirm', { saleId: started.id });
    const bancontact = await kassa.saleUntil(started.id, (s) => s.status === 'paid');
    const cash = await kassa.must('till.payCash', {
      ...{ amountCents, tenderedCents: 5_000, idempotencyKey: sales.key(), tillId: 'till-2', basket: BASKET },
    });
    const wristband = await kassa.must('till.payWithWristband', {
      ...{ amountCents, idempotencyKey: sales.key(), tillId: 'bar-1', wristbandId: band, basket: BASKET },
    });
    for (const sale of [bancontact, cash.sale, wristband]) expectSaleAsPriced(sale);
    // Cash rounding stays on the cash tender: the sale and its VAT keep the basket's price.
    expect(cash).toMatchObject({ roundingCents: cash.dueCents - amountCents });

    const x = await kassa.must('reports.getX', {});
    expect(x.sales).toEqual({ count: 3, cents: 3 * amountCents });
    for (const rate of EXPECTED.byRate) {
      const line = x.byVatRate.find((l) => l.ratePercent === rate.ratePercent);
      expect(line).toMatchObject({
        grossCents: 3 * rate.grossCents,
        netCents: 3 * rate.netCents,
        vatCents: 3 * rate.vatCents,
      });
    }
    // Each sale counts once, at the rate of its largest part (the stew's 12 %).
    expect(x.byVatRate.find((l) => l.ratePercent === 12)?.count).toBe(3);
    expect(x.byVatRate.reduce((n, l) => n + l.count, 0)).toBe(3);
    expect(
      kassa.query<{ rate: number }>('SELECT vat_rate rate FROM sales WHERE id = ?', cash.sale.id),
    ).toEqual([{ rate: 12 }]);
    // A rebuild from the raw rows finds the same totals and the same parts.
    const parts = kassa.query('SELECT * FROM transaction_vat ORDER BY source, vat_rate');
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
    expect(kassa.query('SELECT * FROM transaction_vat ORDER BY source, vat_rate')).toEqual(parts);
    // The export gives each transaction its net and VAT (en: comma-separated, decimal point).
    const csv = await kassa.must('reports.exportCsv', { method: 'cash' });
    const text = await (await fetch(kassa.shell.url + csv.path)).text();
    const euros = (cents: number) => (cents / 100).toFixed(2);
    expect(text.split('\r\n')[0]).toMatch(/,net_eur,vat_eur$/);
    expect(text.split('\r\n')[1]).toMatch(
      new RegExp(`,${euros(EXPECTED.netCents)},${euros(EXPECTED.vatCents)}$`),
    );
    // The Z of the day holds what the X held: the sum of the sales' own VAT per rate.
    await kassa.must('drawer.close', { tillId: 'till-2', countedCents: cash.dueCents });
    const z = await kassa.must('reports.closeDay', {});
    expect(z.byVatRate).toEqual(x.byVatRate);
    expect(z.sales).toEqual(x.sales);
  });

  it('refuses a price changed since the till loaded it, an inactive article and one of another shop', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    const pay = (basket: BasketInput, amount = amountCents) =>
      kassa.call('till.payCash', {
        ...{
          amountCents: amount,
          tenderedCents: 10_000,
          idempotencyKey: sales.key(),
          tillId: 'till-1',
          basket,
        },
      });
    databaseSql(kassa.dataDir, 'station').exec("UPDATE articles SET price_cents = 380 WHERE id = 'pils'");
    const changed = await pay(BASKET);
    expect(changed.ok ? null : changed.error).toMatchObject({ code: 'CONFLICT' });
    expect(changed.ok ? '' : changed.error.message).toMatch(/prices changed, check the basket/i);

    const inactive = await pay(
      {
        lines: [
          { articleId: 'fries', quantity: 1 },
          { articleId: 'old', quantity: 1 },
        ],
      },
      720,
    );
    expect(inactive.ok ? null : inactive.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: ['basket.lines.1.articleId'],
      details: [{ line: 2, column: 'articleId', problem: 'ARTICLE_INACTIVE', other: 'old' }],
    });
    const elsewhere = await pay({ lines: [{ articleId: 'cap', quantity: 1 }] }, 1500);
    expect(elsewhere.ok ? null : elsewhere.error).toMatchObject({
      details: [{ problem: 'ARTICLE_NOT_IN_SHOP' }],
    });
    const unknown = await pay({ lines: [{ articleId: 'nope', quantity: 1 }] }, 100);
    expect(unknown.ok ? null : unknown.error).toMatchObject({ details: [{ problem: 'ARTICLE_UNKNOWN' }] });
    expect(kassa.query('SELECT id FROM sales')).toEqual([]);
  });

  it('lets a manager give 15 % off but not a cashier, and a retry finds the sale even after a price change', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    const basket: BasketInput = {
      lines: [{ articleId: 'stew', quantity: 2 }],
      discount: { kind: 'percent', percent: 15 },
    };
    const input = { amountCents: 2465, tenderedCents: 3000, tillId: 'till-1', basket };
    const cashier = await signInAs(kassa.station, 'cashier');
    const refused = await cashier.call('till.payCash', { ...input, idempotencyKey: sales.key() });
    expect(codeOf(refused)).toBe('DISCOUNT_NEEDS_MANAGER');
    expect(
      await cashier.must('till.payCash', {
        ...input,
        basket: { ...basket, discount: { kind: 'percent', percent: 10 } },
        amountCents: 2610,
        idempotencyKey: sales.key(),
      }),
    ).toMatchObject({ sale: { amountCents: 2610, discountCents: 290 } });

    const manager = await signInAs(kassa.station, 'manager');
    const key = sales.key();
    const paid = await manager.must('till.payCash', { ...input, idempotencyKey: key });
    expect(paid.sale).toMatchObject({ amountCents: 2465, listCents: 2900, discountCents: 435 });
    databaseSql(kassa.dataDir, 'station').exec("UPDATE articles SET price_cents = 1500 WHERE id = 'stew'");
    expect(await manager.must('till.payCash', { ...input, idempotencyKey: key })).toEqual(paid);
  });

  it('stores a sale without a basket as one free amount at the till’s rate', async () => {
    const sale = await sales.paid(1_210);
    expect(sale).toMatchObject({
      amountCents: 1_210,
      listCents: 1_210,
      discountCents: 0,
      note: null,
      byRate: [{ ratePercent: 21, grossCents: 1_210, netCents: 1_000, vatCents: 210 }],
      lines: [
        { articleId: null, name: '', quantity: 1, unitPriceCents: 1_210, vatRate: 21, grossCents: 1_210 },
      ],
    });
    const x = await kassa.must('reports.getX', {});
    expect(x.byVatRate.find((l) => l.ratePercent === 21)).toMatchObject({
      count: 1,
      netCents: 1_000,
      vatCents: 210,
    });
  });
});

import { contributions, type Booking } from '../../electron/core/ledger/booking';
import {
  cashBooking,
  entryBooking,
  paymentBooking,
  type DayResolver,
  type PaymentRaw,
} from '../../electron/core/ledger/raw-bookings';
import { TotalsAccumulator } from '../../electron/core/reports/totals-accumulator';
import type { SqliteDb } from '../../electron/core/db/open-database';
import { localTime } from '../../shared/domain/business-day';
import { priceBasket } from '../../shared/domain/basket';
import { cashDue } from '../../shared/domain/cash';
import { BENCH_TILLS, benchStatements, type BenchStatements, type BenchTill } from './reports-rows';

export interface GenerateOptions {
  sales: number;
  days: number;
  /** The first day's UTC midnight, ms. */
  firstDayMs: number;
  wristbands: number;
}

/** A small, fast, repeatable random source (mulberry32): the same data on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
// No Z exists while the data is generated: every row counts in its Brussels calendar day.
const calendarDays: DayResolver = {
  dayOf: (_k, _id, at) => localTime(at).day,
  openDay: (at) => localTime(at).day,
};
const hex = (n: number, prefix: string) => prefix + n.toString(16).padStart(24 - prefix.length, '0');

/**
 * Writes `sales` sales over `days` days straight into the database file with prepared statements in
 * one unit of work per day: the raw rows (sales, payments and their events, cash tenders, drawer
 * sessions, wristband entries) and, derived from them by the station's own mapping, the
 * transactions rows and the running totals. A rebuild afterwards finds nothing to change.
 */
export class BenchDataGenerator {
  private readonly rng = random(20261201);
  private readonly sums = new TotalsAccumulator();
  private readonly s: BenchStatements;
  private readonly balances: Int32Array;
  private n = { sale: 0, payment: 0, event: 0, entry: 0, cash: 0, topup: 0, drawer: 0 };
  private drawers = new Map<string, { id: string; sales: number }>();

  constructor(
    private readonly db: SqliteDb,
    private readonly options: GenerateOptions,
  ) {
    this.s = benchStatements(db.client);
    this.balances = new Int32Array(options.wristbands);
  }

  /** The prepared statements are SQLite's own; each unit of work holds the store's mutex and transaction. */
  async run(): Promise<{ bookings: number }> {
    await this.db.write(() => this.s.wristbands(this.options.wristbands, this.options.firstDayMs));
    const perDay = Math.ceil(this.options.sales / this.options.days);
    let bookings = 0;
    for (let day = 0; day < this.options.days; day++) {
      const count = Math.min(perDay, this.options.sales - day * perDay);
      await this.db.write(() => {
        bookings += this.day(this.options.firstDayMs + day * 24 * HOUR, count);
      });
    }
    await this.db.write(() => {
      this.s.balances(this.balances);
      this.sums.replaceTables(this.db);
    });
    return { bookings };
  }

  /** Sales from 10:00 to 23:00 Brussels time (09:00–22:00 UTC in winter), in time order. */
  private day(midnightUtc: number, count: number): number {
    let bookings = 0;
    for (const till of BENCH_TILLS) this.openDrawer(till);
    for (let i = 0; i < count; i++) {
      const at = Math.floor(midnightUtc + 9 * HOUR + (i / count) * 13 * HOUR);
      bookings += this.sale(at);
    }
    for (const till of BENCH_TILLS) this.closeDrawer(till, midnightUtc + 22.5 * HOUR);
    return bookings;
  }

  private sale(at: number): number {
    const till = BENCH_TILLS[Math.floor(this.rng() * BENCH_TILLS.length)]!;
    const cashierId = at % (24 * HOUR) < 15.5 * HOUR ? till.cashiers[0] : till.cashiers[1];
    const saleId = hex(++this.n.sale, 's');
    const { amountCents, mainRate, saleVat } = this.basket(saleId, till.vatRate);
    const attribution = { tillId: till.id, shopId: till.shopId, cashierId, vatRate: mainRate, saleVat };
    const r = this.rng();
    if (r < 0.6) return this.bancontact(saleId, at, amountCents, till, attribution);
    if (r < 0.8) return this.wristband(saleId, at, amountCents, attribution);
    return this.cash(saleId, at, amountCents, attribution);
  }

  /** Three lines: two at the till's rate (one with 10 % off), one at 6 %; stored as the station does. */
  private basket(saleId: string, tillRate: number) {
    const price = () => 50 + Math.floor(this.rng() * 1450);
    const lines = [
      { quantity: 1 + Math.floor(this.rng() * 3), unitPriceCents: price(), vatRate: tillRate },
      { quantity: 1, unitPriceCents: price(), vatRate: tillRate, discount: { kind: 'percent', percent: 10 } },
      { quantity: 1, unitPriceCents: price(), vatRate: 6 },
    ] as const;
    const priced = priceBasket(lines);
    const stored = priced.lines.map((l, i) => ({ ...l, name: `Article ${i + 1}` }));
    this.s.basket(saleId, { lines: stored, byRate: priced.byRate });
    const main = [...priced.byRate].sort(
      (a, b) => b.grossCents - a.grossCents || b.ratePercent - a.ratePercent,
    )[0]!;
    const saleVat = priced.byRate.map((r) => `${r.ratePercent}:${r.grossCents}:${r.vatCents}`).join(';');
    return { amountCents: priced.grossCents, mainRate: main.ratePercent, saleVat };
  }

  private book(booking: Booking): void {
    this.s.transaction(booking);
    for (const c of contributions(booking)) this.sums.add(c);
  }

  private bancontact(saleId: string, at: number, amountCents: number, till: BenchTill, attr: Attr): number {
    const r = this.rng();
    // 4 % of sales see a failed attempt before the one that is paid; 1 % end unpaid.
    const failed =
      r < 0.04
        ? (['CANCELLED', 'EXPIRED', 'AUTHORIZATION_FAILED', 'FAILED'] as const)[Math.floor(r * 100)]
        : null;
    const unpaid = r > 0.99;
    this.s.sale(saleId, attr, amountCents, unpaid ? 'cancelled' : 'paid', 'bancontact', null, at);
    let bookings = 0;
    if (failed) bookings += this.payment(saleId, at - 60_000, amountCents, till, attr, failed);
    bookings += this.payment(saleId, at, amountCents, till, attr, unpaid ? 'CANCELLED' : 'SUCCEEDED');
    return bookings;
  }

  private payment(
    saleId: string,
    at: number,
    amountCents: number,
    till: BenchTill,
    attr: Attr,
    status: string,
  ): number {
    const paymentId = hex(++this.n.payment, 'p');
    const bancontactId = hex(this.n.payment, 'b');
    const profileId = till.sticker ? 'PPIDSTICKER' : 'PPIDDISPLAY';
    this.s.payment({
      paymentId,
      saleId,
      bancontactId,
      profileId,
      status,
      amountCents,
      posId: till.sticker ? till.id : null,
      at,
    });
    const steps: [string | null, string, string, number][] = [['CREATING', 'PENDING', 'create', at]];
    if (status === 'SUCCEEDED') steps.push(['PENDING', 'IDENTIFIED', 'poll', at + 5_000]);
    steps.push([steps.at(-1)![1], status, status === 'SUCCEEDED' ? 'callback' : 'poll', at + 15_000]);
    for (const [from, to, source, when] of steps)
      this.s.event(++this.n.event, paymentId, from, to, source, when);
    // Every succeeded payment of the bench pays its sale whole: it counts the sale.
    const counts = status === 'SUCCEEDED' ? 1 : 0;
    if (counts === 1) this.s.completed(saleId, `p:${paymentId}`);
    const raw: PaymentRaw = {
      ...{ paymentId, saleId, profileId, status, amountCents, bancontactId, createdAt: at, ...attr, counts },
      ...{ posId: till.sticker ? till.id : null, eventId: this.n.event, eventAt: at + 15_000 },
    };
    this.book(paymentBooking(raw, calendarDays));
    return 1;
  }

  private wristband(saleId: string, at: number, amountCents: number, attr: Attr): number {
    const band = Math.floor(this.rng() * this.balances.length);
    let bookings = 0;
    while ((this.balances[band] ?? 0) < amountCents) bookings += this.topUp(band, at - 1_000);
    this.s.sale(saleId, attr, amountCents, 'paid', 'wristband', this.s.bandId(band), at);
    this.balances[band] = (this.balances[band] ?? 0) - amountCents;
    const entryId = ++this.n.entry;
    this.s.entry(entryId, this.s.bandId(band), 'debit', -amountCents, null, saleId, at);
    const raw = {
      entryId,
      kind: 'debit' as const,
      amountCents: -amountCents,
      bancontactId: null,
      saleId,
      at,
      ...attr,
      counts: 1,
    };
    this.book(entryBooking({ ...raw, wristbandId: this.s.bandId(band), profileId: '' }, calendarDays));
    return bookings + 1;
  }

  private topUp(band: number, at: number): number {
    const amountCents = 2_000 + Math.floor(this.rng() * 4) * 1_000;
    this.balances[band] = (this.balances[band] ?? 0) + amountCents;
    const entryId = ++this.n.entry;
    const bancontactId = hex(++this.n.topup, 't');
    this.s.entry(entryId, this.s.bandId(band), 'topup', amountCents, bancontactId, null, at);
    const none = { tillId: null, shopId: null, cashierId: null, vatRate: null, saleVat: null, counts: 0 };
    const raw = { entryId, kind: 'topup' as const, amountCents, bancontactId, saleId: null, at, ...none };
    this.book(
      entryBooking({ ...raw, wristbandId: this.s.bandId(band), profileId: 'PPIDTOPUP' }, calendarDays),
    );
    return 1;
  }

  private cash(saleId: string, at: number, amountCents: number, attr: Attr): number {
    const due = cashDue(amountCents, 5);
    const tendered = Math.ceil(due / 1_000) * 1_000;
    const drawer = this.drawers.get(attr.tillId)!;
    drawer.sales += due;
    this.s.sale(saleId, attr, amountCents, 'paid', 'cash', null, at);
    const cashId = ++this.n.cash;
    this.s.cash(cashId, saleId, drawer.id, due, tendered, tendered - due, due - amountCents, at);
    this.book(
      cashBooking(
        { cashId, roundingCents: due - amountCents, saleId, amountCents, createdAt: at, ...attr, counts: 1 },
        calendarDays,
      ),
    );
    return 1;
  }

  private openDrawer(till: BenchTill): void {
    this.drawers.set(till.id, { id: hex(++this.n.drawer, 'd'), sales: 0 });
  }

  private closeDrawer(till: BenchTill, at: number): void {
    const drawer = this.drawers.get(till.id)!;
    const expected = 15_000 + drawer.sales;
    const counted = expected + (this.rng() < 0.1 ? -Math.floor(this.rng() * 500) : 0);
    this.s.drawer({
      id: drawer.id,
      tillId: till.id,
      cashierId: till.cashiers[0],
      openedAt: at - 14 * HOUR,
      closedAt: at,
      cashSales: drawer.sales,
      expected,
      counted,
      day: localTime(at).day,
    });
  }
}

type Attr = { tillId: string; shopId: string; cashierId: string; vatRate: number; saleVat: string };

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CashSaleView, Result, SaleView, TenderView } from '../../shared/contract';
import {
  button,
  click,
  LIVE_SETTINGS,
  renderTill,
  text,
  TillStation,
  type,
  unmountTill,
  view,
  type Handler,
} from '../support/renderer-till';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const NONE = { paymentId: null, bancontactId: null, wristbandId: null, cash: null, givenBack: false };
const AT = '2026-05-01T10:00:00.000Z';
const args = (input: Record<string, unknown>) =>
  input as { amountCents: number; tenderCents?: number; saleId?: string; tenderedCents?: number };

/**
 * A station that keeps one sale paid in parts as the real one does (docs/register-rules.md, "Split
 * tenders"): a part leaves the sale open with what is due, a Bancontact part runs until `paysPart`
 * says the customer paid it, the last cash part is rounded to 5 cents. The drawer opens on request.
 */
class PartsStation extends TillStation {
  sale: SaleView | null = null;
  drawerOpen = false;
  private payments = 0;

  protected override handlers: Record<string, Handler> = {
    'settings.get': () => ok(LIVE_SETTINGS),
    'settings.getSalesSetup': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not here' } }),
    'till.getCurrentSale': () => ok(null),
    'till.listSales': () => ok([]),
    'drawer.get': () => ok(this.drawerOpen ? { status: 'open' } : null),
    'drawer.open': () => {
      this.drawerOpen = true;
      return ok({ status: 'open' });
    },
    'till.startPayment': (input) => ok(this.startBancontact(args(input))),
    'till.payCash': (input) => ok(this.payCash(args(input))),
    'till.payWithWristband': (input) =>
      ok(this.take(args(input), { method: 'wristband', wristbandId: 'W1' })),
  };

  private saleFor({ amountCents, saleId }: { amountCents: number; saleId?: string }): SaleView {
    if (saleId && this.sale?.id !== saleId) throw new Error(`no sale ${saleId}`);
    if (!saleId) {
      this.sale = {
        ...{ id: 's1', tillId: 'till-1', createdAt: AT, amountCents, currency: 'EUR', status: 'open' },
        ...{ tender: 'bancontact', wristbandId: null, payment: null, tenders: [], dueCents: amountCents },
      };
    }
    return this.sale!;
  }

  private startBancontact(input: ReturnType<typeof args>): SaleView {
    const sale = this.saleFor(input);
    const id = `p${++this.payments}`;
    const cents = input.tenderCents ?? sale.dueCents!;
    const deeplink = `https://pay.bancontact.net/pay/2/${id}`;
    const payment = { id, bancontactId: `b-${id}`, status: 'PENDING', deeplink, posId: null } as const;
    this.sale = {
      ...sale,
      payment: { ...payment, expiresAt: null, problem: null },
      tenders: [
        ...sale.tenders!,
        { ...NONE, method: 'bancontact', amountCents: cents, status: 'pending', at: AT, paymentId: id },
      ],
    };
    return this.sale;
  }

  /** The training customer pays the running Bancontact part; the till hears it as an event. */
  async paysPart() {
    const sale = this.sale!;
    const payment = sale.payment!;
    const tenders = sale.tenders!.map((t) =>
      t.paymentId === payment.id ? { ...t, status: 'succeeded' as const } : t,
    );
    const part = tenders.find((t) => t.paymentId === payment.id)!.amountCents;
    this.sale = this.settled({ ...sale, payment: { ...payment, status: 'SUCCEEDED' }, tenders }, part);
    await this.emit({ name: 'payments.changed', payload: { sale: this.sale } });
  }

  private settled(sale: SaleView, partCents: number): SaleView {
    const dueCents = sale.dueCents! - partCents;
    const tender = new Set(sale.tenders!.filter((t) => t.status !== 'pending').map((t) => t.method));
    return {
      ...sale,
      dueCents,
      status: dueCents === 0 ? 'paid' : 'open',
      tender: tender.size > 1 ? 'split' : sale.tender,
    };
  }

  private take(input: ReturnType<typeof args>, tender: Partial<TenderView> & Pick<TenderView, 'method'>) {
    const sale = this.saleFor(input);
    const cents = input.tenderCents ?? sale.dueCents!;
    const taken = { ...NONE, amountCents: cents, status: 'succeeded' as const, at: AT, ...tender };
    this.sale = this.settled({ ...sale, payment: sale.payment, tenders: [...sale.tenders!, taken] }, cents);
    return this.sale;
  }

  private payCash(input: ReturnType<typeof args>): CashSaleView {
    const due = this.saleFor(input).dueCents!;
    const cents = input.tenderCents ?? due;
    const last = cents === due;
    const dueCents = last ? Math.round(cents / 5) * 5 : cents;
    const tenderedCents = input.tenderedCents!;
    const cash = { tenderedCents, changeCents: tenderedCents - dueCents, roundingCents: dueCents - cents };
    const sale = this.take(input, { method: 'cash', cash });
    return {
      sale,
      dueCents,
      tenderedCents,
      changeCents: cash.changeCents,
      roundingCents: cash.roundingCents,
      drawerId: 'd1',
    };
  }
}

let station: PartsStation;

const alertText = () => [...view().querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ');
const partInput = () => view().querySelector<HTMLInputElement>('#split-part-amount');
const selling = () =>
  station.calls.filter((c) =>
    ['till.startPayment', 'till.payCash', 'till.payWithWristband'].includes(c.method),
  );

/** A free amount on the keypad, then Split the payment: the first part's amount is asked. */
async function splitOf(amount: string) {
  await renderTill(station);
  await type('#amount', amount);
  await click('Split the payment');
}

/** One part: its amount tapped on the split's numpad, then its method. */
async function part(keys: string, method: 'Bancontact' | 'Cash' | 'Wristband') {
  for (const key of keys) await click(key, '[data-testid="split-part"]');
  await click(method);
}

beforeEach(() => {
  station = new PartsStation();
});

afterEach(unmountTill);

describe('Split the payment at the till', () => {
  it('asks for the first part’s amount and refuses 0 or all that is due, in the cashier’s words', async () => {
    await splitOf('25');
    expect(view().querySelector('[data-testid="split-part"] .split-due:last-child')?.textContent).toBe(
      '€25.00',
    );
    // The part's amount takes the register's width: no Pay button can start a second sale meanwhile.
    expect(button('Pay with Bancontact')).toBeUndefined();

    await click('Bancontact');
    expect(alertText()).toBe('Amount of this part: Type an amount first.');
    await type('#split-part-amount', '0');
    await click('Cash');
    expect(alertText()).toBe('The amount of this part must be more than zero.');
    expect(partInput()?.getAttribute('aria-invalid')).toBe('true');
    for (const all of ['25', '25,00', '30']) {
      await type('#split-part-amount', all);
      await click('Wristband');
      expect(alertText()).toBe(
        'The amount of this part must be less than €25.00, what is still due. To pay all of it, choose the method without splitting.',
      );
    }
    expect(selling()).toEqual([]);

    await click('Back');
    expect(view().querySelector('[data-testid="split-part"]')).toBeNull();
    expect(button('Pay with Bancontact')?.disabled).toBe(false);
  });

  it('sends a first Bancontact part with the basket, and its QR asks for the part', async () => {
    await splitOf('25');
    await part('10', 'Bancontact');
    expect(station.callsTo('till.startPayment')).toEqual([
      expect.objectContaining({ amountCents: 2_500, tenderCents: 1_000, basket: expect.anything() }),
    ]);
    expect(station.callsTo('till.startPayment')[0]).not.toHaveProperty('saleId');
    expect(text('[data-testid="sale-amount"]')).toBe('€10.00');
    expect(text('[data-testid="part-of"]')).toBe('Part of €25.00; €15.00 still due after it');

    await station.paysPart();
    expect(text('.split-summary')).toContain('Bancontact€10.00');
    expect(text('[data-testid="split-due"]')).toBe('€15.00');
    expect(button('Pay part of the rest')).toBeDefined();
  });

  it('takes three parts: Bancontact, Bancontact, then cash for the rest, rounded with change', async () => {
    await splitOf('30,02');
    await part('10', 'Bancontact');
    await station.paysPart();
    expect(text('[data-testid="split-due"]')).toBe('€20.02');

    await click('Pay part of the rest');
    // A part of the rest must stay below the rest.
    await type('#split-part-amount', '20,02');
    await click('Bancontact');
    expect(alertText()).toContain('less than €20.02');
    await type('#split-part-amount', '10');
    await click('Bancontact');
    expect(station.callsTo('till.startPayment')[1]).toEqual(
      expect.objectContaining({ amountCents: 3_002, saleId: 's1', tenderCents: 1_000 }),
    );
    expect(text('[data-testid="sale-amount"]')).toBe('€10.00');
    await station.paysPart();
    expect(text('.split-summary')).toContain('Bancontact€10.00Bancontact€10.00');
    expect(text('[data-testid="split-due"]')).toBe('€10.02');

    station.drawerOpen = true;
    await click('Cash');
    // The last part is rounded to 5 cents, as the station rounds it.
    expect(text('[data-testid="cash-due"]')).toBe('€10.00');
    expect(view().querySelector('[data-testid="cash-to-the-cent"]')).toBeNull();
    await type('#cash-received', '20');
    await click('Take the cash');
    const [cash] = station.callsTo('till.payCash');
    expect(cash).toEqual(expect.objectContaining({ amountCents: 3_002, saleId: 's1', tenderedCents: 2_000 }));
    expect(cash).not.toHaveProperty('tenderCents');
    expect(text('[data-testid="cash-give-back"]')).toBe('Give back €10.00');
    expect(station.sale).toMatchObject({ status: 'paid', tender: 'split', dueCents: 0 });
  });

  it('takes a first cash part to the cent once the drawer is open, and shows the change to give', async () => {
    await splitOf('25');
    await type('#split-part-amount', '8,33');
    await click('Cash');
    // The drawer is closed: it is opened right there, then the cash panel asks for the part.
    await type('#drawer-float', '50');
    await click('Open drawer');
    expect(text('[data-testid="cash-due"]')).toBe('€8.33');
    expect(text('[data-testid="cash-to-the-cent"]')).toBe(
      'A part before the last is taken to the cent: only the last part is rounded.',
    );
    await type('#cash-received', '10');
    await click('Take the cash');
    expect(station.callsTo('till.payCash')).toEqual([
      expect.objectContaining({
        amountCents: 2_500,
        tenderCents: 833,
        tenderedCents: 1_000,
        basket: expect.anything(),
      }),
    ]);
    expect(text('.split-summary')).toContain('Cash€8.33');
    expect(text('[data-testid="split-cash-detail"]')).toBe('received €10.00, give back €1.67');
    expect(text('[data-testid="split-due"]')).toBe('€16.67');
  });

  it('takes a first part from a wristband, and the rest waits for its method', async () => {
    await splitOf('25');
    await part('5', 'Wristband');
    expect(view().querySelector('.wristband-payment .sale-amount')?.textContent).toBe('€5.00');
    await type('#wristband-id', 'W1');
    await click('Debit the wristband');
    expect(station.callsTo('till.payWithWristband')).toEqual([
      expect.objectContaining({ amountCents: 2_500, tenderCents: 500, wristbandId: 'W1' }),
    ]);
    expect(text('.split-summary')).toContain('Wristband€5.00');
    expect(text('[data-testid="split-due"]')).toBe('€20.00');
  });
});

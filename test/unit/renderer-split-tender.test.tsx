// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView, TenderView } from '../../shared/contract';
import {
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

const BAND = 'W1234567';

const wristbandTender = (amountCents: number): TenderView => ({
  ...{ method: 'wristband', amountCents, status: 'succeeded', at: '2026-05-01T10:00:00.000Z' },
  ...{ paymentId: null, bancontactId: null, wristbandId: BAND, cash: null, givenBack: false },
});
const BANCONTACT_PART: TenderView = {
  ...{ method: 'bancontact', amountCents: 1_500, status: 'pending', at: '2026-05-01T10:01:00.000Z' },
  ...{ paymentId: 'p1', bancontactId: 'b1', wristbandId: null, cash: null, givenBack: false },
};
const splitSale = (status: SaleView['status']): SaleView => ({
  ...{ id: 's1', tillId: 'till-1', createdAt: '2026-05-01T10:00:00.000Z', amountCents: 2_500 },
  ...{ currency: 'EUR', status, tender: 'wristband', wristbandId: BAND, payment: null },
  ...{ tenders: [wristbandTender(1_000)], dueCents: status === 'open' ? 1_500 : 0 },
});

/** A station whose wristband holds €10.00: a whole €25.00 is refused, a part of €10.00 is taken. */
class SplitStation extends TillStation {
  recent: SaleView[] = [];
  protected override handlers: Record<string, Handler> = {
    'settings.get': () => ({ ok: true, value: LIVE_SETTINGS }),
    'settings.getSalesSetup': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not here' } }),
    'till.getCurrentSale': () => ({ ok: true, value: null }),
    'till.listSales': () => ({ ok: true, value: this.recent }),
    'payments.getTimeline': () => ({
      ok: true,
      value: [{ at: '2026-05-01T10:01:30.000Z', from: 'PENDING', to: 'SUCCEEDED', source: 'callback' }],
    }),
    'wristbands.get': () => ({ ok: true, value: { id: BAND, balanceCents: 1_000, entries: [] } }),
    'till.payWithWristband': ({ tenderCents }) =>
      tenderCents === 1_000
        ? { ok: true, value: splitSale('open') }
        : { ok: false, error: { code: 'INSUFFICIENT_FUNDS', message: 'short' } },
    'till.startPayment': () => ({
      ok: true,
      value: {
        ...splitSale('open'),
        payment: {
          id: 'p1',
          bancontactId: 'b1',
          status: 'PENDING',
          deeplink: 'https://pay.bancontact.net/pay/2/b1',
        },
        tenders: [wristbandTender(1_000), { ...BANCONTACT_PART }],
      },
    }),
    'till.cancelSale': () => ({
      ok: true,
      value: { ...splitSale('cancelled'), tenders: [{ ...wristbandTender(1_000), givenBack: true }] },
    }),
  };
}

let station: SplitStation;

/** €25.00 at the bar; the wristband holds €10.00, and the cashier takes that as a part. */
async function takeWristbandPart() {
  await renderTill(station);
  await type('#amount', '25');
  await click('Pay with wristband');
  await type('#wristband-id', BAND);
  await click('Debit the wristband');
  expect(text('[data-testid="wristband-balance"]')).toContain('€10.00');
  await click('Take €10.00 from the wristband, rest by another tender');
}

beforeEach(() => {
  station = new SplitStation();
});

afterEach(unmountTill);

describe('a sale paid in parts at the till', () => {
  it('offers a short wristband’s balance, then shows what it paid and what is due, and Bancontact takes the rest', async () => {
    await takeWristbandPart();
    // Nothing was taken before the cashier's tap: the first request asked for the whole amount.
    const [whole, part] = station.callsTo('till.payWithWristband');
    expect(whole).not.toHaveProperty('tenderCents');
    expect(part).toMatchObject({ amountCents: 2_500, tenderCents: 1_000, wristbandId: BAND });
    expect(text('[data-testid="split-total"]')).toBe('€25.00');
    expect(text('.split-summary')).toContain('Wristband€10.00');
    expect(text('[data-testid="split-due"]')).toBe('€15.00');
    // The basket stays on screen, locked, while the sale is open.
    expect(view().querySelector('.till-basket')?.textContent).toContain('€25.00');
    await click('Bancontact');
    expect(station.callsTo('till.startPayment')).toEqual([
      expect.objectContaining({ amountCents: 2_500, saleId: 's1' }),
    ]);
    // The QR asks for the part.
    expect(text('[data-testid="sale-amount"]')).toBe('€15.00');
  });

  it('asks before cancelling, says what goes back, and starts empty after', async () => {
    await takeWristbandPart();
    await click('Cancel sale');
    expect(text('#cancel-split')).toBe('Cancel this sale? Everything already paid goes back:');
    expect(text('.split-give-back')).toBe(`€10.00 back onto wristband ${BAND}`);
    expect(station.callsTo('till.cancelSale')).toHaveLength(0);
    await click('Cancel the sale and give back');
    expect(station.callsTo('till.cancelSale')).toEqual([{ saleId: 's1' }]);
    expect(view().querySelector('[data-testid="split-sale"]')).toBeNull();
    expect(view().querySelector('.till-basket')?.textContent).not.toContain('€25.00');
  });

  it('lists a paid split sale once, with all it took and a timeline per tender', async () => {
    station.recent = [
      {
        ...splitSale('paid'),
        tender: 'split',
        tenders: [wristbandTender(1_000), { ...BANCONTACT_PART, status: 'succeeded' }],
      },
    ];
    await renderTill(station);
    const row = view().querySelector('tr[data-sale-id="s1"]');
    expect(row?.textContent).toContain('Split');
    expect(row?.querySelector('[data-testid="taken"]')?.textContent).toBe('€25.00');
    await click('Timeline');
    const dialog = view().querySelector('[role="dialog"]');
    expect([...(dialog?.querySelectorAll('h4') ?? [])].map((h) => h.textContent)).toEqual([
      'Wristband €10.00',
      'Bancontact €15.00',
    ]);
    expect(dialog?.textContent).toContain(`Debited from wristband ${BAND}`);
    expect(dialog?.querySelector('tr[data-to="SUCCEEDED"]')).not.toBeNull();
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentView, Result, SaleView, StationEvent } from '../../shared/contract';
import type { PaymentStatus } from '../../shared/domain/payment-status';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { RecentSales } from '../../renderer/src/features/till/RecentSales';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const payment = (status: PaymentStatus): PaymentView => ({
  id: `pay-${status}`,
  bancontactId: 'b',
  status,
  deeplink: null,
  posId: null,
  expiresAt: null,
  problem: null,
});

const base = { tillId: 'till-1', createdAt: '2026-05-01T10:00:00.000Z', currency: 'EUR' as const };
const SALES: SaleView[] = [
  {
    ...base,
    id: 'cash',
    amountCents: 742,
    status: 'paid',
    tender: 'cash',
    payment: null,
    cash: { tenderedCents: 1000, changeCents: 260 },
  },
  {
    ...base,
    id: 'band',
    amountCents: 450,
    status: 'paid',
    tender: 'wristband',
    wristbandId: 'WB-1',
    payment: null,
  },
  {
    ...base,
    id: 'refused',
    amountCents: 300,
    status: 'unpaid',
    tender: 'bancontact',
    payment: payment('AUTHORIZATION_FAILED'),
  },
  {
    ...base,
    id: 'expired',
    amountCents: 200,
    status: 'unpaid',
    tender: 'bancontact',
    payment: payment('EXPIRED'),
  },
  {
    ...base,
    id: 'cancelled',
    amountCents: 100,
    status: 'cancelled',
    tender: 'bancontact',
    payment: payment('CANCELLED'),
  },
];

class ListStation implements Transport {
  readonly kind = 'ipc';
  calls: string[] = [];
  async call(method: string): Promise<Result<unknown>> {
    this.calls.push(method);
    if (method === 'till.listSales') return { ok: true, value: SALES };
    if (method === 'payments.getTimeline')
      return { ok: true, value: [{ at: base.createdAt, from: null, to: 'PENDING', source: 'create' }] };
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
  }
  subscribe(_listener: (event: StationEvent) => void) {
    return () => undefined;
  }
  onReconnect() {
    return () => undefined;
  }
}

let root: Root;
let container: HTMLElement;
let station: ListStation;

async function flush() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeEach(async () => {
  station = new ListStation();
  setTransportForTests(station);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n('en')}>
        <RecentSales />
      </I18nextProvider>,
    ),
  );
  await flush();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

const row = (id: string) => container.querySelector(`tr[data-sale-id="${id}"]`)!;
const cells = (id: string) => [...row(id).querySelectorAll('td')].slice(1, 5).map((td) => td.textContent);

describe('recent sales', () => {
  it('shows the method, the amount actually taken and the exact outcome of every sale', () => {
    expect(cells('cash')).toEqual(['Cash', '€7.42', '€7.40', 'Paid']);
    expect(cells('band')).toEqual(['Wristband', '€4.50', '€4.50', 'Paid']);
    expect(cells('refused')).toEqual(['Bancontact', '€3.00', '—', 'Refused']);
    expect(cells('expired')).toEqual(['Bancontact', '€2.00', '—', 'Expired']);
    expect(cells('cancelled')).toEqual(['Bancontact', '€1.00', '—', 'Cancelled']);
  });

  it('opens a timeline for every tender: the payment history, or the cash moment', async () => {
    await act(async () => row('cash').querySelector('button')!.click());
    const dialog = () => container.querySelector('[role="dialog"]');
    expect(dialog()?.textContent).toContain('Paid in cash: received €10.00, change €2.60');
    await act(async () => row('refused').querySelector('button')!.click());
    await flush();
    expect(station.calls).toContain('payments.getTimeline');
    expect(dialog()?.getAttribute('data-payment-id')).toBe('pay-AUTHORIZATION_FAILED');
    await act(async () => row('band').querySelector('button')!.click());
    expect(dialog()?.textContent).toContain('Debited from wristband WB-1');
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/contract';
import type { PaymentStatus } from '../../shared/domain/payment-status';
import { ThisDevice } from '../../renderer/src/features/settings/ThisDevice';
import { forgetAudioContextForTests } from '../../renderer/src/features/till/payment-chime';
import { createI18n } from '../../renderer/src/i18n';
import {
  LIVE_SETTINGS,
  TillStation,
  click,
  flush,
  renderTill,
  type,
  unmountTill,
  type Handler,
} from '../support/renderer-till';

/*
 * The sound of a succeeded payment (issue 14): the till screen against a station in memory, and the
 * browser's AudioContext replaced by a double that records the tones started (the device boundary:
 * jsdom has no audio). A chime is two tones.
 */

class FakeAudioContext {
  static tones: number[] = [];
  state = 'running';
  currentTime = 0;
  destination = {};
  resume = () => Promise.resolve();
  createOscillator() {
    const frequency = { value: 0, setValueAtTime: (hz: number) => void (frequency.value = hz) };
    return {
      type: 'sine',
      frequency,
      connect: <T,>(node: T) => node,
      start: () => FakeAudioContext.tones.push(frequency.value),
      stop: () => undefined,
    };
  }
  createGain() {
    const ramp = () => undefined;
    return {
      gain: { setValueAtTime: ramp, exponentialRampToValueAtTime: ramp },
      connect: <T,>(node: T) => node,
    };
  }
}

const ok = (value: unknown) => ({ ok: true as const, value });

class SoundStation extends TillStation {
  soundOn = true;
  sale: SaleView | null = null;
  protected override handlers: Record<string, Handler> = {
    'settings.get': () => ok(LIVE_SETTINGS),
    'settings.getSalesSetup': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not here' } }),
    'till.getCurrentSale': () => ok(null),
    'till.listSales': () => ok([]),
    'devices.getSound': () => ok({ deviceId: 'till-a', soundOn: this.soundOn }),
    'devices.setSound': ({ soundOn }) => (
      (this.soundOn = soundOn === true),
      ok({ deviceId: 'till-a', soundOn })
    ),
    'till.startPayment': ({ amountCents }) => ok((this.sale = saleOf(Number(amountCents), 'PENDING'))),
  };

  /** The station's event for the sale's payment reaching `status`. */
  async paymentBecomes(status: PaymentStatus, saleStatus: SaleView['status'] = 'open') {
    const sale = this.sale!;
    this.sale = { ...sale, status: saleStatus, payment: { ...sale.payment!, status } };
    await this.emit({ name: 'payments.changed', payload: { sale: this.sale } });
  }
}

function saleOf(amountCents: number, status: PaymentStatus): SaleView {
  return {
    id: 'sale-1',
    tillId: 'till-1',
    createdAt: '2026-05-01T10:00:00.000Z',
    amountCents,
    currency: 'EUR',
    status: 'open',
    payment: {
      ...{ id: 'pay-1', bancontactId: 'bc-1', status, deeplink: 'https://pay.bancontact.net/pay/2/bc-1' },
      ...{ posId: null, expiresAt: null, problem: null },
    },
  };
}

let station: SoundStation;
const scope = globalThis as { AudioContext?: unknown };

beforeEach(() => {
  station = new SoundStation();
  FakeAudioContext.tones = [];
  forgetAudioContextForTests();
  scope.AudioContext = FakeAudioContext;
});

afterEach(() => {
  unmountTill();
  delete scope.AudioContext;
});

async function payWithBancontact(euros: string) {
  await renderTill(station);
  await type('#amount', euros);
  await click('Pay with Bancontact');
}

describe('the payment sound', () => {
  it('plays once when a payment the till follows succeeds, even when the success is told twice', async () => {
    await payWithBancontact('12.50');
    await station.paymentBecomes('IDENTIFIED');
    expect(FakeAudioContext.tones).toEqual([]);
    await station.paymentBecomes('SUCCEEDED', 'paid');
    expect(FakeAudioContext.tones).toEqual([880, 1320]);
    await station.paymentBecomes('SUCCEEDED', 'paid');
    expect(FakeAudioContext.tones).toEqual([880, 1320]);
  });

  it('stays quiet on a failed payment', async () => {
    await payWithBancontact('4');
    await station.paymentBecomes('AUTHORIZATION_FAILED', 'unpaid');
    await station.paymentBecomes('EXPIRED', 'unpaid');
    expect(FakeAudioContext.tones).toEqual([]);
  });

  it('stays quiet where this device’s sound is off', async () => {
    station.soundOn = false;
    await payWithBancontact('7');
    await station.paymentBecomes('SUCCEEDED', 'paid');
    expect(station.callsTo('devices.getSound')).toHaveLength(1);
    expect(FakeAudioContext.tones).toEqual([]);
  });
});

describe('Settings → This device', () => {
  it('shows the device’s sound and turns it off at the station', async () => {
    const { setTransportForTests } = await import('../../renderer/src/api/client');
    setTransportForTests(station);
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    await act(async () =>
      root.render(
        <I18nextProvider i18n={createI18n('fr')}>
          <ThisDevice />
        </I18nextProvider>,
      ),
    );
    await flush();
    const box = container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(container.textContent).toContain('Jouer un son quand un paiement réussit');
    expect(box.checked).toBe(true);
    await act(async () => box.click());
    await flush();
    expect(station.callsTo('devices.setSound')).toEqual([{ soundOn: false }]);
    expect(box.checked).toBe(false);
    act(() => root.unmount());
    container.remove();
  });
});

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaleView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { playPaymentChime } from './payment-chime';

/** This device's sound setting as the station keeps it; null until read (or where it cannot be). */
export function useDeviceSound() {
  const [soundOn, setSoundOn] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void call('devices.getSound', {}).then((result) => {
      if (live && result.ok) setSoundOn(result.value.soundOn);
    });
    return () => {
      live = false;
    };
  }, []);
  const change = useCallback(async (next: boolean) => {
    const result = await call('devices.setSound', { soundOn: next });
    if (result.ok) setSoundOn(result.value.soundOn);
    return result.ok ? null : result.error;
  }, []);
  return { soundOn, change };
}

/** The sale's Bancontact payments with whether each has succeeded, split parts included. */
function paymentsOf(sale: SaleView): Map<string, boolean> {
  const found = new Map<string, boolean>();
  for (const tender of sale.tenders ?? [])
    if (tender.paymentId) found.set(tender.paymentId, tender.status === 'succeeded');
  if (sale.payment)
    found.set(sale.payment.id, found.get(sale.payment.id) === true || sale.payment.status === 'SUCCEEDED');
  return found;
}

/**
 * Plays the payment sound when a payment this screen followed (seen before it succeeded) succeeds:
 * once per payment, however often its success is told again; never for a failed one, nor for a sale
 * that was already paid when the screen opened it. Only where this device's sound is on.
 */
export function usePaymentSound(sale: SaleView | null): void {
  const { soundOn } = useDeviceSound();
  const followed = useRef(new Map<string, 'waiting' | 'done'>());
  useEffect(() => {
    if (!sale) return;
    for (const [paymentId, succeeded] of paymentsOf(sale)) {
      const seen = followed.current.get(paymentId);
      if (!succeeded) {
        if (!seen) followed.current.set(paymentId, 'waiting');
        continue;
      }
      if (seen === 'done') continue;
      followed.current.set(paymentId, 'done');
      if (seen === 'waiting' && soundOn === true) playPaymentChime();
    }
  }, [sale, soundOn]);
}

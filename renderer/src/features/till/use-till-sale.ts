import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodName, Result, SaleView } from '../../../../shared/contract';
import type { BasketInput } from '../../../../shared/contract/basket-input';
import { call } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { useStationEvents } from '../../api/use-station-events';
import type { Notice } from '../../components/ErrorAlert';
import { newerSale } from './sale-rules';

type SaleAction = Extract<
  MethodName,
  'till.cancelPayment' | 'till.cancelSale' | 'till.retryPayment' | `training.${string}`
>;

interface Attempt {
  cents: number;
  /** The first part of a sale split at the till; undefined when the payment is for everything. */
  tenderCents?: number;
  key: string;
  saleId: string | null;
}

/** The sale on the till screen: starting, following, acting on and clearing it. */
export function useTillSale() {
  const [sale, setSale] = useState<SaleView | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  /** Cents being started right now, so the cashier sees "Creating payment…" before the answer. */
  const [pending, setPending] = useState<number | null>(null);
  // Refs, not state: a double click lands before React re-renders.
  const inFlight = useRef(false);
  const attempt = useRef<Attempt | null>(null);

  const show = useCallback((next: SaleView) => setSale((current) => newerSale(current, next)), []);

  const showIfOpen = useCallback(
    (result: Result<SaleView | null>) => {
      if (result.ok && result.value?.status === 'open') show(result.value);
    },
    [show],
  );
  const loadCurrent = useCallback(() => call('till.getCurrentSale', {}).then(showIfOpen), [showIfOpen]);

  useEffect(() => {
    void call('till.getCurrentSale', {}).then(showIfOpen);
  }, [showIfOpen]);

  useStationEvents(
    (event) => {
      if (event.name !== 'payments.changed') return;
      const next = event.payload.sale;
      setSale((current) => (current && current.id === next.id ? newerSale(current, next) : current));
    },
    () => void loadCurrent(),
  );

  const run = useCallback(
    async (work: () => Promise<Result<SaleView>>): Promise<SaleView | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setBusy(true);
      setNotice(null);
      try {
        const result = await work();
        if (!result.ok) {
          setNotice({ kind: 'error', error: result.error });
          return null;
        }
        show(result.value);
        return result.value;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [show],
  );

  const start = useCallback(
    async (cents: number, basket?: BasketInput, tenderCents?: number): Promise<SaleView | null> => {
      if (inFlight.current) return null;
      const key = keyFor(attempt.current, { cents, tenderCents }, sale);
      attempt.current = { cents, tenderCents, key, saleId: null };
      setPending(tenderCents ?? cents);
      const part = tenderCents === undefined ? {} : { tenderCents };
      const started = await run(() =>
        call('till.startPayment', { amountCents: cents, idempotencyKey: key, basket, ...part }),
      );
      setPending(null);
      if (started && attempt.current?.key === key) attempt.current.saleId = started.id;
      // The station persists before it calls Bancontact: a failed start may still have left an open sale.
      if (!started) await loadCurrent();
      return started;
    },
    [run, sale, loadCurrent],
  );

  const act = useCallback(
    (method: SaleAction) => {
      if (!sale) return Promise.resolve(null);
      return run(() => call(method, { saleId: sale.id }) as Promise<Result<SaleView>>);
    },
    [run, sale],
  );

  const clear = useCallback(() => {
    attempt.current = null;
    setSale(null);
    setNotice(null);
  }, []);

  return { sale, pending, notice, busy, start, run, act, clear, setNotice, adopt: show };
}

/**
 * The same amount sent again while its sale is still open is the same attempt (a double click, a
 * retry after a lost answer): it keeps its key, so the station returns that sale instead of a new one.
 */
function keyFor(
  previous: Attempt | null,
  asked: Pick<Attempt, 'cents' | 'tenderCents'>,
  shown: SaleView | null,
): string {
  if (!previous || previous.cents !== asked.cents || previous.tenderCents !== asked.tenderCents)
    return newIdempotencyKey();
  if (previous.saleId === null) return previous.key;
  const concluded = shown?.id === previous.saleId && shown.status !== 'open';
  return concluded ? newIdempotencyKey() : previous.key;
}

import type { SaleView } from '../../shared/contract';
import type { StationWithShell } from './station-with-shell';
import { waitFor } from './temp';
import { topupPayload } from './wristbands';

/** Sales of every kind, made through the contract and the training simulator as a till makes them. */
export function reportSales(kassa: StationWithShell) {
  const key = () => `key-${Math.random().toString(36).slice(2)}`;
  const start = (amountCents: number, tillId = 'till-1') =>
    kassa.must('till.startPayment', { amountCents, idempotencyKey: key(), tillId });
  return {
    key,
    async paid(amountCents: number, tillId = 'till-1'): Promise<SaleView> {
      const sale = await start(amountCents, tillId);
      await kassa.must('training.scan', { saleId: sale.id });
      await kassa.must('training.confirm', { saleId: sale.id });
      return kassa.saleUntil(sale.id, (s) => s.status === 'paid');
    },
    async cancelled(amountCents: number, tillId = 'till-1'): Promise<SaleView> {
      const sale = await start(amountCents, tillId);
      return kassa.must('till.cancelPayment', { saleId: sale.id });
    },
    async refused(amountCents: number, tillId = 'till-1'): Promise<SaleView> {
      const sale = await start(amountCents, tillId);
      await kassa.must('training.scan', { saleId: sale.id });
      await kassa.must('training.refuse', { saleId: sale.id });
      const refused = await kassa.saleUntil(sale.id, (s) => s.payment?.status === 'AUTHORIZATION_FAILED');
      // The cashier gives the sale up, so the till is free for the next one.
      await kassa.must('till.cancelPayment', { saleId: sale.id });
      return refused;
    },
    /** Moves the simulator's clock past expiry: do this while no other payment is open. */
    async expired(amountCents: number, tillId = 'till-1'): Promise<SaleView> {
      const sale = await start(amountCents, tillId);
      await kassa.sim('/_sim/clock/advance', { ms: 130_000 });
      const expired = await kassa.saleUntil(sale.id, (s) => s.payment?.status === 'EXPIRED');
      await kassa.must('till.cancelPayment', { saleId: sale.id });
      return expired;
    },
    cash: (amountCents: number, tenderedCents: number, tillId = 'till-1') =>
      kassa.must('till.payCash', { amountCents, tenderedCents, idempotencyKey: key(), tillId }),
    /** A customer pays onto a wristband; with a debtor, the payer a refund can later go back to. */
    async topUp(wristbandId: string, amount: number, debtor?: { name: string; iban: string }): Promise<void> {
      const before = (await kassa.must('wristbands.get', { wristbandId })).balanceCents;
      const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
        payload: topupPayload(wristbandId),
        amount,
        ...(debtor ? { debtor } : {}),
      });
      await kassa.sim('/_sim/payer/confirm', { paymentId });
      await waitFor(
        async () => (await kassa.must('wristbands.get', { wristbandId })).balanceCents >= before + amount,
        5_000,
      );
    },
    wristband: (wristbandId: string, amountCents: number, tillId = 'bar-1') =>
      kassa.must('till.payWithWristband', { amountCents, idempotencyKey: key(), tillId, wristbandId }),
  };
}

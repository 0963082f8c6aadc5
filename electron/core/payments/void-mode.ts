import type { BancontactClient } from '../bancontact/client';
import type { Logger } from '../logging/logger';
import type { SalesRepo } from '../sales/sales-repo';
import type { PaymentTracker } from './tracker';

/**
 * VOID-mode profiles hold an authorised payment as PENDING_MERCHANT_ACKNOWLEDGEMENT until Kassa
 * confirms it still wants it. Payments the cashier gave up are left alone, so Bancontact voids them.
 */
export class VoidModeAcknowledger {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly deps: {
      repo: SalesRepo;
      client: BancontactClient;
      tracker: PaymentTracker;
      logger: Logger;
      retryDelaysMs?: readonly number[];
    },
  ) {}

  /** Called after any change to a sale: acknowledges its payment when that is what it waits for. */
  consider(saleId: string): void {
    void this.considerLatest(saleId).catch((error: unknown) =>
      this.deps.logger.warn(`looking up sale ${saleId} to acknowledge failed: ${String(error)}`),
    );
  }

  private async considerLatest(saleId: string): Promise<void> {
    const payment = await this.deps.repo.latestPayment(saleId);
    if (!payment?.bancontactId || payment.status !== 'PENDING_MERCHANT_ACKNOWLEDGEMENT') return;
    if (!payment.wanted || this.inFlight.has(payment.id)) return;
    this.inFlight.add(payment.id);
    const request = { amount: payment.amountCents, currency: 'EUR' as const, reference: payment.id };
    void this.acknowledge(payment.id, payment.bancontactId, request).finally(() =>
      this.inFlight.delete(payment.id),
    );
  }

  private async acknowledge(
    paymentId: string,
    bancontactId: string,
    request: { amount: number; currency: 'EUR'; reference: string },
  ): Promise<void> {
    for (const delay of [0, ...(this.deps.retryDelaysMs ?? [1_000, 2_000, 5_000])]) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await this.deps.client.acknowledgePayment(bancontactId, request);
        break;
      } catch (error) {
        this.deps.logger.warn(
          `acknowledging ${bancontactId} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    // Whatever happened, the final status (SUCCEEDED or VOIDED) comes from Bancontact itself.
    this.deps.tracker.follow(paymentId);
  }
}

import { ContractFailure, type SaleView } from '../../../shared/contract';
import { PAYLOAD_HOST } from '../bancontact/environments';
import type { Db } from '../db/open-database';
import type { SalesRepo } from '../sales/sales-repo';
import { printedPayloadOf } from './training-topup';

export interface TrainingDeps {
  db: Db;
  repo: SalesRepo;
  /** Base URL of the simulator that plays Bancontact in training mode. */
  simulatorUrl: string;
  /** The profile's PPID, for the sticker payload `/l/1/{PPID}/{posId}`. */
  ppid: string;
  timeoutMs?: number;
}

type PayerAction = 'scan' | 'confirm' | 'refuse';

/**
 * The Customer (training) panel: the cashier plays the customer by driving the simulator's payer.
 * The till learns the outcome the normal way, by following the payment.
 */
export function createTrainingService(deps: TrainingDeps) {
  const postToSimulator = simulatorPoster(deps.simulatorUrl, deps.timeoutMs);
  const act = async (action: PayerAction, saleId: string): Promise<SaleView> => {
    const sale = await deps.repo.saleView(saleId);
    if (!sale) throw new ContractFailure('NOT_FOUND', `No sale ${saleId}`);
    const payment = sale.payment;
    if (!payment?.bancontactId || !payment.deeplink) {
      throw new ContractFailure('CONFLICT', 'This sale has no payment for the customer to act on');
    }
    // At a sticker till the customer scans the printed sticker, which joins the POS's open payment.
    const payload = payment.posId ? `${PAYLOAD_HOST}/l/1/${deps.ppid}/${payment.posId}` : payment.deeplink;
    const body = action === 'scan' ? { payload } : { paymentId: payment.bancontactId };
    await postToSimulator(`/_sim/payer/${action}`, body);
    return sale;
  };

  /**
   * A festival-goer scans the wristband and pays: the amount is theirs to type for an open code, may
   * be changed for a modifiable one, and is the printed one for a fixed code (then leave it out).
   */
  const topUp = async (wristbandId: string, amountCents?: number): Promise<{ paymentId: string }> => {
    const payload = await printedPayloadOf(deps.db, wristbandId);
    const scanned = (await postToSimulator('/_sim/payer/scan', {
      payload,
      ...(amountCents === undefined ? {} : { amount: amountCents }),
    }).catch(amountRefusal)) as { paymentId?: unknown };
    if (typeof scanned.paymentId !== 'string')
      throw new ContractFailure('CONFLICT', 'The simulator made no payment');
    await postToSimulator('/_sim/payer/confirm', { paymentId: scanned.paymentId });
    return { paymentId: scanned.paymentId };
  };

  return {
    scan: (saleId: string) => act('scan', saleId),
    confirm: (saleId: string) => act('confirm', saleId),
    refuse: (saleId: string) => act('refuse', saleId),
    topUp,
  };
}

/**
 * The payer's app refuses an amount the code does not allow: none typed for an open code, or another one
 * than a fixed code's printed amount. That is the amount field's fault, not a change in the meantime
 * (CONFLICT); `apiCode` keeps the simulator's reason for the screen to say which of the two it was.
 */
const AMOUNT_REFUSALS = new Set(['FIELD_IS_REQUIRED', 'AMOUNT_NOT_MODIFIABLE']);

function amountRefusal(error: unknown): never {
  if (error instanceof ContractFailure && AMOUNT_REFUSALS.has(error.extra.apiCode ?? '')) {
    throw new ContractFailure('INVALID_INPUT', error.message, { ...error.extra, fields: ['amountCents'] });
  }
  throw error;
}

/** Posts to the simulator's payer controls; its refusals become contract errors the till can show. */
function simulatorPoster(simulatorUrl: string, timeoutMs = 5_000) {
  return async (path: string, body: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(simulatorUrl + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new ContractFailure('NETWORK_DOWN', 'The training simulator did not answer');
    }
    if (response.ok) return response.json().catch(() => ({}));
    const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ContractFailure('CONFLICT', answer.message ?? `The simulator refused (${response.status})`, {
      ...(answer.code ? { apiCode: answer.code } : {}),
    });
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;

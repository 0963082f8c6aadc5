import Database from 'better-sqlite3';
import type { SaleOutcome } from './sale-script';

interface StationPayment {
  id: string;
  saleId: string;
  bancontactId: string | null;
  status: string;
}
interface StationSale {
  id: string;
  idempotencyKey: string;
  status: string;
}
export interface SimPayment {
  paymentId: string;
  status: string;
  reference?: string;
}

export interface ChaosCounts {
  salesPlanned: number;
  salesRecorded: number;
  /** Payments Bancontact (the simulator) holds for the run. */
  bancontactPayments: number;
  finalStatusesEqual: number;
  finalStatusMismatches: number;
  /** Created at Bancontact, but the answer never reached the station (timeout, hang or crash): no QR was shown. */
  createdButUnanswered: number;
  salesWithTwoSuccesses: number;
  succeededMissing: number;
  /** Payments at Bancontact the station has no record of at all. */
  unknownAtStation: number;
  succeededPayments: number;
  salesNotAsExpected: number;
  anomalies: number;
}

export interface Comparison {
  counts: ChaosCounts;
  /** Up to a few examples of each failure, to start an investigation from. */
  examples: string[];
}

function readStation(dbFile: string): { payments: StationPayment[]; sales: StationSale[] } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const payments = db
      .prepare('select id, sale_id saleId, bancontact_id bancontactId, status from payments')
      .all() as StationPayment[];
    const sales = db
      .prepare('select id, idempotency_key idempotencyKey, status from sales')
      .all() as StationSale[];
    return { payments, sales };
  } finally {
    db.close();
  }
}

/** Every simulator payment against the station's record, and every planned sale against its script. */
export function compare(
  dbFile: string,
  simPayments: readonly SimPayment[],
  outcomes: readonly SaleOutcome[],
): Comparison {
  const station = readStation(dbFile);
  const examples: string[] = [];
  const note = (line: string) => examples.length < 20 && examples.push(line);
  const byBancontactId = new Map(
    station.payments.filter((p) => p.bancontactId).map((p) => [p.bancontactId, p]),
  );
  const byLocalId = new Map(station.payments.map((p) => [p.id, p]));
  const counts: ChaosCounts = {
    ...{
      salesPlanned: outcomes.length,
      salesRecorded: station.sales.length,
      bancontactPayments: simPayments.length,
    },
    ...{ finalStatusesEqual: 0, finalStatusMismatches: 0, createdButUnanswered: 0, salesWithTwoSuccesses: 0 },
    ...{ succeededMissing: 0, unknownAtStation: 0, succeededPayments: 0, salesNotAsExpected: 0 },
    anomalies: outcomes.filter((o) => o.anomaly).length,
  };
  for (const remote of simPayments) {
    const local = byBancontactId.get(remote.paymentId);
    if (remote.status === 'SUCCEEDED') counts.succeededPayments += 1;
    if (local) {
      if (local.status === remote.status) counts.finalStatusesEqual += 1;
      else {
        counts.finalStatusMismatches += 1;
        note(`mismatch ${remote.paymentId}: Bancontact ${remote.status}, station ${local.status}`);
      }
      if (remote.status === 'SUCCEEDED' && local.status !== 'SUCCEEDED') counts.succeededMissing += 1;
      continue;
    }
    // The station sends its own payment id as the reference, so an unanswered creation is still traceable.
    const unanswered = remote.reference ? byLocalId.get(remote.reference) : undefined;
    if (unanswered?.status === 'CREATE_FAILED' && !unanswered.bancontactId) counts.createdButUnanswered += 1;
    else {
      counts.unknownAtStation += 1;
      note(
        `unknown at the station: ${remote.paymentId} (${remote.status}, reference ${remote.reference ?? '-'})`,
      );
    }
    if (remote.status === 'SUCCEEDED') {
      counts.succeededMissing += 1;
      note(`SUCCEEDED at Bancontact, missing at the station: ${remote.paymentId}`);
    }
  }
  counts.salesWithTwoSuccesses = countDoubleSuccesses(station.payments, note);
  counts.salesNotAsExpected = countUnexpected(station.sales, outcomes, note);
  for (const outcome of outcomes)
    if (outcome.anomaly) note(`sale #${outcome.index} (${outcome.behaviour}): ${outcome.anomaly}`);
  return { counts, examples };
}

function countDoubleSuccesses(payments: readonly StationPayment[], note: (line: string) => void): number {
  const successes = new Map<string, number>();
  for (const p of payments)
    if (p.status === 'SUCCEEDED') successes.set(p.saleId, (successes.get(p.saleId) ?? 0) + 1);
  const doubles = [...successes].filter(([, n]) => n > 1);
  for (const [saleId, n] of doubles) note(`sale ${saleId} holds ${n} successful payments`);
  return doubles.length;
}

/** Each planned sale must exist exactly once (by its idempotency key) and end as its script allows. */
function countUnexpected(
  sales: readonly StationSale[],
  outcomes: readonly SaleOutcome[],
  note: (line: string) => void,
): number {
  const byKey = new Map<string, StationSale[]>();
  for (const sale of sales) byKey.set(sale.idempotencyKey, [...(byKey.get(sale.idempotencyKey) ?? []), sale]);
  let unexpected = 0;
  for (const outcome of outcomes) {
    const found = byKey.get(outcome.idempotencyKey) ?? [];
    const status = found[0]?.status;
    if (found.length === 1 && status && outcome.expected.includes(status as never)) continue;
    unexpected += 1;
    note(
      `sale #${outcome.index} (${outcome.behaviour}): ${found.length} record(s), ${status ?? 'none'}, expected ${outcome.expected.join('/')}`,
    );
  }
  return unexpected;
}

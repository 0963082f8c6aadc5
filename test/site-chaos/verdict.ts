import pg from 'pg';
import type { BarPayment } from './bar-clients';

/** A payment as the simulator (Bancontact) holds it at the end. */
export interface SimTopup {
  paymentId: string;
  status: string;
  amount: number;
  reference?: string;
}

/** What the festival chaos run checks at the end; every count but the totals must be zero. */
export interface SiteVerdict {
  topupsSucceeded: number;
  /** SUCCEEDED at Bancontact, not credited on the books (or credited to another wristband or amount). */
  topupsNotCredited: number;
  /** Credited more than once, or credited without Bancontact saying SUCCEEDED. */
  topupsWrong: number;
  barPaid: number;
  barRefused: number;
  barUnknown: number;
  /** Answered OK to the tablet, not on the books. */
  barLost: number;
  /** On the books more than once, or booked though the tablet was told no. */
  barWrong: number;
  /** Refusals other than "not enough on the wristband". */
  barOddRefusals: string[];
  /** Wristbands whose balance is not the sum of their ledger entries. */
  balancesOffLedger: number;
  /** Wristbands whose balance is not what Bancontact's top-ups less the paid bar payments make. */
  balancesOffExpected: number;
}

interface Books {
  credits: Array<{ bancontact_id: string; wristband_id: string; amount_cents: number }>;
  debits: Array<{ idempotency_key: string; n: number; status: string }>;
  bands: Array<{ id: string; balance_cents: number; ledger: number }>;
}

async function readBooks(booksUrl: string): Promise<Books> {
  const client = new pg.Client({ connectionString: booksUrl });
  await client.connect();
  try {
    const credits = await client.query(
      `SELECT bancontact_id, wristband_id, amount_cents::int AS amount_cents FROM wristband_entries WHERE kind = 'topup'`,
    );
    const debits = await client.query(
      `SELECT s.idempotency_key, count(e.id)::int AS n, s.status FROM sales s
       LEFT JOIN wristband_entries e ON e.sale_id = s.id AND e.kind = 'debit'
       WHERE s.tender = 'wristband' GROUP BY s.idempotency_key, s.status`,
    );
    const bands = await client.query(
      `SELECT w.id, w.balance_cents::int AS balance_cents, coalesce(sum(e.amount_cents), 0)::int AS ledger
       FROM wristbands w LEFT JOIN wristband_entries e ON e.wristband_id = w.id GROUP BY w.id, w.balance_cents`,
    );
    return { credits: credits.rows, debits: debits.rows, bands: bands.rows } as Books;
  } finally {
    await client.end();
  }
}

export async function judge(
  booksUrl: string,
  simTopups: readonly SimTopup[],
  bars: readonly BarPayment[],
): Promise<SiteVerdict> {
  const books = await readBooks(booksUrl);
  const succeeded = simTopups.filter((p) => p.status === 'SUCCEEDED');
  const creditsOf = groupBy(books.credits, (c) => c.bancontact_id);
  const debitsOf = new Map(books.debits.map((d) => [d.idempotency_key, d]));
  const topupsNotCredited = succeeded.filter((p) => {
    const credit = creditsOf.get(p.paymentId);
    return (
      credit?.length !== 1 || credit[0]!.wristband_id !== p.reference || credit[0]!.amount_cents !== p.amount
    );
  }).length;
  const succeededIds = new Set(succeeded.map((p) => p.paymentId));
  const topupsWrong = [...creditsOf].filter(([id, list]) => list.length > 1 || !succeededIds.has(id)).length;
  const booked = (key: string) => debitsOf.get(key)?.n ?? 0;
  const paid = bars.filter((b) => b.outcome === 'paid');
  const refused = bars.filter((b) => b.outcome === 'refused');
  return {
    topupsSucceeded: succeeded.length,
    topupsNotCredited,
    topupsWrong,
    barPaid: paid.length,
    barRefused: refused.length,
    barUnknown: bars.filter((b) => b.outcome === 'unknown').length,
    barLost: paid.filter((b) => booked(b.key) !== 1).length,
    barWrong: bars.filter((b) => booked(b.key) > 1 || (b.outcome === 'refused' && booked(b.key) > 0)).length,
    barOddRefusals: [
      ...new Set(refused.map((b) => b.code ?? '?').filter((code) => code !== 'INSUFFICIENT_FUNDS')),
    ],
    balancesOffLedger: books.bands.filter((b) => b.balance_cents !== b.ledger).length,
    balancesOffExpected: offExpected(books, succeeded, bars),
  };
}

/**
 * Each wristband should hold what Bancontact took for it less what the tablets were told was paid. A
 * payment with no definite answer may or may not be booked: such a wristband is checked against both.
 */
function offExpected(books: Books, succeeded: readonly SimTopup[], bars: readonly BarPayment[]): number {
  let off = 0;
  for (const band of books.bands) {
    const toppedUp = sum(succeeded.filter((p) => p.reference === band.id).map((p) => p.amount));
    const spent = sum(
      bars.filter((b) => b.wristbandId === band.id && b.outcome === 'paid').map((b) => b.amountCents),
    );
    const unknown = bars.filter((b) => b.wristbandId === band.id && b.outcome === 'unknown');
    const unknownBooked = sum(
      unknown
        .filter((b) => books.debits.some((d) => d.idempotency_key === b.key && d.n === 1))
        .map((b) => b.amountCents),
    );
    if (band.balance_cents !== toppedUp - spent - unknownBooked) off += 1;
  }
  return off;
}

export function verdictHolds(v: SiteVerdict): boolean {
  return (
    v.topupsNotCredited === 0 &&
    v.topupsWrong === 0 &&
    v.barLost === 0 &&
    v.barWrong === 0 &&
    v.barOddRefusals.length === 0 &&
    v.balancesOffLedger === 0 &&
    v.balancesOffExpected === 0
  );
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

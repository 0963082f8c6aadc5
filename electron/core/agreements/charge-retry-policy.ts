import { eq } from 'drizzle-orm';
import {
  chargeRetryPolicySchema,
  DEFAULT_CHARGE_RETRY_POLICY,
  type ChargeRetryPolicy,
} from '../../../shared/contract/charge-methods';
import type { Db, Tx } from '../db/open-database';
import { reportMeta } from '../db/schema';

/*
 * The retry policy of failed charges lives in the books (report_meta), beside the charges it governs:
 * on a PostgreSQL site every station reads the same one, whichever holds the scheduler's lease.
 */

const POLICY_KEY = 'charge_retry_policy';

export async function retryPolicyIn(q: Tx): Promise<ChargeRetryPolicy> {
  const [row] = await q.select().from(reportMeta).where(eq(reportMeta.key, POLICY_KEY)).limit(1);
  if (!row) return DEFAULT_CHARGE_RETRY_POLICY;
  const parsed = chargeRetryPolicySchema.safeParse(JSON.parse(row.value));
  // A policy written by a later version that this one cannot read: the default rather than no retries.
  return parsed.success ? parsed.data : DEFAULT_CHARGE_RETRY_POLICY;
}

export function readRetryPolicy(db: Db): Promise<ChargeRetryPolicy> {
  return db.read((q) => retryPolicyIn(q));
}

export async function writeRetryPolicy(db: Db, policy: ChargeRetryPolicy): Promise<ChargeRetryPolicy> {
  const value = JSON.stringify(chargeRetryPolicySchema.parse(policy));
  await db.write((tx) =>
    tx
      .insert(reportMeta)
      .values({ key: POLICY_KEY, value })
      .onConflictDoUpdate({ target: reportMeta.key, set: { value } }),
  );
  return readRetryPolicy(db);
}

/** When a charge that failed for the `attempts`-th time is tried again; null: it has failed for good. */
export function nextAttemptAt(policy: ChargeRetryPolicy, attempts: number, failedAt: number): number | null {
  const delay = policy.delaysMinutes[attempts - 1];
  return delay === undefined ? null : failedAt + delay * 60_000;
}

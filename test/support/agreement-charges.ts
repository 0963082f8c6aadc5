import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { PproRuntime } from '../../electron/core/agreements/ppro-runtime';
import { ChargeScheduler } from '../../electron/core/agreements/charge-scheduler';
import { newId } from '../../electron/core/db/ids';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { openPostgresBooks } from '../../electron/core/db/pg/site-databases';
import { agreementCharges, agreements, transactions } from '../../electron/core/db/schema';
import { silentLogger } from '../../electron/core/logging/logger';
import { createPproClient, type PproClient } from '../../electron/core/ppro';
import { TRAINING_PPRO_MERCHANT } from '../../electron/core/ppro-simulator';
import type { Leases } from '../../electron/core/site/lease';
import { dueAtOfCharge } from '../../shared/domain/plan-schedule';
import { chargeIdempotencyKey } from '../../shared/domain/recurring-plans';
import { freshTestSite, TEST_ENGINE } from './postgres-site';
import { MIGRATIONS } from './temp';

/*
 * The charge scheduler's parts for tests: books on the suite's engine, Kassa's PPRO client pointed at a
 * test's PPRO simulator, PPRO's time read from the simulator's clock, and an active monthly agreement
 * as the till leaves it (authorised at the simulator, its first charge captured).
 */

export const MONTH_MS = 31 * 86_400_000;

/** Fresh training books on the suite's engine (a SQLite file in `dir`, or a fresh PostgreSQL site). */
export async function openTestBooks(dir: string): Promise<{ db: Db; where: string }> {
  if (TEST_ENGINE === 'postgres') {
    const siteUrl = freshTestSite()!;
    return {
      db: await openPostgresBooks({ siteUrl, migrationsFolder: MIGRATIONS }, 'training'),
      where: siteUrl,
    };
  }
  const file = join(dir, 'training.sqlite');
  return { db: openDatabase({ file, migrationsFolder: MIGRATIONS }), where: file };
}

/** The same books again (a restarted station, a second station of the site). */
export async function reopenTestBooks(where: string): Promise<Db> {
  if (TEST_ENGINE === 'postgres')
    return openPostgresBooks({ siteUrl: where, migrationsFolder: MIGRATIONS }, 'training');
  return openDatabase({ file: where, migrationsFolder: MIGRATIONS });
}

export async function simControl<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const response = await fetch(`${baseUrl}/_sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function testPproClient(baseUrl: string, timeoutMs = 3_000): PproClient {
  return createPproClient({ baseUrl, apiKey: TRAINING_PPRO_MERCHANT.apiKey, timeoutMs });
}

/** Training's PPRO as the station has it: the client and the simulator's clock. */
export function testPproRuntime(baseUrl: string, timeoutMs = 3_000): PproRuntime {
  return {
    client: testPproClient(baseUrl, timeoutMs),
    webhooksUrl: null,
    maxChargeCents: null,
    now: async () => Date.parse((await simControl<{ now: string }>(baseUrl, '/clock')).now),
  };
}

export const advanceClock = (baseUrl: string, ms: number) => simControl(baseUrl, '/clock/advance', { ms });

export interface PlanAgreement {
  id: string;
  pproId: string;
  anchorAt: number;
}

/**
 * A monthly plan sold at till-1 and authorised by the consumer: PPRO's agreement ACTIVE with its first
 * charge captured, and Kassa's row active with charge 0 captured and the next charge a month on.
 */
export async function activePlan(
  db: Db,
  baseUrl: string,
  plan: { amountCents?: number; chargeCount?: number | null; vatRate?: number } = {},
): Promise<PlanAgreement> {
  const amountCents = plan.amountCents ?? 2_500;
  const client = testPproClient(baseUrl);
  const id = newId();
  const money = { value: amountCents, currency: 'EUR' as const };
  const created = await client.createAgreement({
    ...{ paymentMethod: 'BANCONTACT', description: 'Monthly membership', amount: money, amountType: 'EXACT' },
    consumer: { name: 'Ernestine Bartoletti', email: 'ernestine@example.be', country: 'BE' },
    initialPaymentCharge: { amount: money },
    merchantPaymentAgreementReference: id,
  });
  await simControl(baseUrl, '/consumer/authorise', { agreementId: created.id });
  const anchorAt = Date.parse((await simControl<{ now: string }>(baseUrl, '/clock')).now);
  const at = Date.now();
  await db.write(async (tx) => {
    await tx.insert(agreements).values({
      ...{ id, pproId: created.id, kind: 'plan', status: 'active', pproStatus: 'ACTIVE' },
      ...{ shopId: 'shop-1', tillId: 'till-1', cashierId: 'cashier-1', description: 'Monthly membership' },
      ...{ amountCents, vatRate: plan.vatRate ?? 21, period: 'month', chargeCount: plan.chargeCount ?? null },
      ...{
        consumerName: 'Ernestine Bartoletti',
        consumerEmail: 'ernestine@example.be',
        consumerLocale: 'nl',
      },
      ...{ termsVersion: 'Kassa-terms-1', termsAcceptedAt: at, idempotencyKey: `till-key-${id}` },
      ...{ anchorAt, nextChargeAt: dueAtOfCharge(anchorAt, 'month', 1), createdAt: at, updatedAt: at },
    });
    await tx.insert(agreementCharges).values({
      ...{ id: newId(), agreementId: id, period: 0, idempotencyKey: chargeIdempotencyKey(id, 0) },
      ...{ pproChargeId: created.initialPaymentChargeId as string, status: 'captured', amountCents },
      ...{ dueAt: anchorAt, attempts: 1, capturedAt: at, createdAt: at, updatedAt: at },
    });
  });
  return { id, pproId: created.id, anchorAt };
}

export function testScheduler(
  db: Db,
  baseUrl: string,
  leases: Leases,
  extra: { onCaptured?: (chargeId: string) => void; intervalMs?: number; timeoutMs?: number } = {},
): ChargeScheduler {
  return new ChargeScheduler({
    ...{ db, ppro: testPproRuntime(baseUrl, extra.timeoutMs), leases, logger: silentLogger },
    ...{ now: () => Date.now(), newId, intervalMs: extra.intervalMs ?? 60_000, onCaptured: extra.onCaptured },
  });
}

export function chargesOf(db: Db, agreementId: string) {
  return db.read((q) =>
    q
      .select()
      .from(agreementCharges)
      .where(eq(agreementCharges.agreementId, agreementId))
      .orderBy(agreementCharges.period),
  );
}

export async function agreementRow(db: Db, agreementId: string) {
  const [row] = await db.read((q) => q.select().from(agreements).where(eq(agreements.id, agreementId)));
  return row!;
}

export function agreementTransactions(db: Db) {
  return db.read((q) =>
    q.select().from(transactions).where(eq(transactions.method, 'agreement')).orderBy(transactions.seq),
  );
}

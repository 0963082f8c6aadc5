import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/open-database';
import { agreementCharges, agreements } from '../db/schema';
import { MESSAGES_PER_KIND } from './book-messages';
import type { InboxItem } from './inbox-item';

/** A receipt not mailed this long after its charge is worth a person's look (seed 004 requires it sent). */
export const RECEIPT_MAIL_GRACE_MS = 60 * 60_000;

/**
 * Captured charges whose receipt the mail server has not taken an hour on: no SMTP settings, no
 * consumer e-mail, or a server that keeps refusing. One message per charge; it goes once it is mailed.
 */
export async function unmailedReceiptItems(db: Db, now: number, configured: boolean): Promise<InboxItem[]> {
  const rows = await db.read((q) =>
    q
      .select({
        id: agreementCharges.id,
        capturedAt: agreementCharges.capturedAt,
        amountCents: agreementCharges.amountCents,
        error: agreementCharges.receiptMailError,
        attempts: agreementCharges.receiptMailAttempts,
        email: agreements.consumerEmail,
        description: agreements.description,
      })
      .from(agreementCharges)
      .innerJoin(agreements, eq(agreements.id, agreementCharges.agreementId))
      .where(
        and(
          eq(agreementCharges.status, 'captured'),
          isNull(agreementCharges.receiptMailedAt),
          lte(agreementCharges.capturedAt, now - RECEIPT_MAIL_GRACE_MS),
        ),
      )
      .orderBy(asc(agreementCharges.capturedAt))
      .limit(MESSAGES_PER_KIND),
  );
  return rows.map((row) => ({
    key: `receipt-mail:${row.id}`,
    kind: 'receipt_mail_failed',
    at: Number(row.capturedAt) + RECEIPT_MAIL_GRACE_MS,
    severity: 'warning',
    facts: {
      amountCents: row.amountCents,
      name: row.description,
      count: row.attempts,
      reason: reasonOf(row, configured),
    },
  }));
}

/** Why it was not sent: no SMTP settings, no consumer e-mail, or the last failure's problem. */
function reasonOf(row: { email: string | null; error: string | null }, configured: boolean): string {
  if (!configured) return 'not_configured';
  if (!row.email) return 'no_email';
  return row.error?.split(':')[0] ?? 'other';
}

import { eq } from 'drizzle-orm';
import { isValidIban, compactIban } from '../../../../shared/domain/iban';
import type { BancontactClient } from '../../bancontact/client';
import { toContractFailure } from '../../bancontact/contract-errors';
import { BancontactError } from '../../bancontact/errors';
import type { Db, Tx } from '../../db/open-database';
import { topupAttention, topupBatches, wristbandEntries, wristbands } from '../../db/schema';

export type IbanOutcome = { iban: string } | { problem: string };

/**
 * Asks Bancontact for the payer's IBAN of one top-up. The profile the payment was made on is tried
 * first (the one it was listed on for attention, else the wristband batch's), then the others: a
 * payment unknown to one profile's key is a 404 there.
 */
export async function fetchRefundIban(
  db: Db,
  bancontactId: string,
  clients: ReadonlyMap<string, BancontactClient>,
): Promise<IbanOutcome> {
  const order = await db.read((q) => profileOrder(q, bancontactId, [...clients.keys()]));
  if (order.length === 0) return { problem: 'NO_TOPUP_PROFILE' };
  for (const ppid of order) {
    try {
      const { iban } = await clients.get(ppid)!.getRefundIban(bancontactId);
      return isValidIban(iban) ? { iban: compactIban(iban) } : { problem: 'INVALID_IBAN' };
    } catch (error) {
      if (error instanceof BancontactError && error.status === 404) continue;
      // REFUND_NOT_AVAILABLE: Bancontact does not know the IBAN yet; the next prepare asks again.
      if (error instanceof BancontactError && error.code) return { problem: error.code };
      return { problem: toContractFailure(error).code };
    }
  }
  return { problem: 'PAYMENT_NOT_FOUND' };
}

async function profileOrder(q: Tx, bancontactId: string, configured: string[]): Promise<string[]> {
  const [listed] = await q
    .select({ ppid: topupAttention.profileId })
    .from(topupAttention)
    .where(eq(topupAttention.bancontactId, bancontactId))
    .limit(1);
  const [printed] = await q
    .select({ ppid: topupBatches.profileId })
    .from(wristbandEntries)
    .innerJoin(wristbands, eq(wristbands.id, wristbandEntries.wristbandId))
    .innerJoin(topupBatches, eq(topupBatches.id, wristbands.batchId))
    .where(eq(wristbandEntries.bancontactId, bancontactId))
    .limit(1);
  const preferred = [listed?.ppid, printed?.ppid].filter((p): p is string => p !== undefined);
  return [...new Set([...preferred, ...configured])].filter((p) => configured.includes(p));
}

import { ContractFailure } from '../../../shared/contract';
import { buildTopupPayload, type PayloadHost } from '../../../shared/domain/topup-payload';
import { normalizeWristbandId } from '../../../shared/domain/wristband-id';
import type { Db } from '../db/open-database';
import { batchIdOfWristband, findBatch, latestPrintOf, rootOf } from '../topup/batch-repo';

/**
 * The payload printed on a wristband right now (its latest print, so a re-issued batch scans on the
 * new host): what a festival-goer's banking app would read from it.
 */
export async function printedPayloadOf(db: Db, wristbandInput: string): Promise<string> {
  const wristbandId = normalizeWristbandId(wristbandInput);
  if (!wristbandId) throw new ContractFailure('INVALID_WRISTBAND_ID', 'This is not a wristband id');
  const batch = await db.read(async (q) => {
    const batchId = await batchIdOfWristband(q, wristbandId);
    const first = batchId ? await findBatch(q, batchId) : undefined;
    return first ? latestPrintOf(q, rootOf(first)) : undefined;
  });
  if (!batch) throw new ContractFailure('NOT_FOUND', `No wristband ${wristbandId}`);
  return buildTopupPayload({
    ppid: batch.profileId,
    amountMode: batch.amountMode,
    description: batch.description,
    amountCents: batch.amountCents,
    reference: wristbandId,
    host: batch.payloadHost as PayloadHost,
  });
}

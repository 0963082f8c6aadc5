import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RefundSigningKeyView, Result } from '../../shared/contract';
import { startHttpShell, type HttpShell } from '../../electron/core/api/http-server';
import { createRefundClient } from '../../electron/core/bancontact/refund-client';
import { createRequestSigner } from '../../electron/core/bancontact/refund-signer';
import { silentLogger } from '../../electron/core/logging/logger';
import { createStation, type Station } from '../../electron/core/station';
import { TRAINING_DISPLAY_PROFILE, type CreatePaymentView } from '../../electron/core/simulator';
import { testSiteFor } from '../support/postgres-site';
import { stationMerchantKeys } from '../support/refund-api';
import { sealedSecretStore } from '../support/sealed-secret-store';
import { simClient } from '../support/sim-client';
import { localCaller } from '../support/station-in-process';
import { MIGRATIONS, tempDir, waitFor } from '../support/temp';

const PPID = TRAINING_DISPLAY_PROFILE.ppid;

let folder: ReturnType<typeof tempDir>;
let sealed: ReturnType<typeof sealedSecretStore>;
let station: Station;
let shell: HttpShell;

/** Training as a new user runs it: the station's own embedded simulator, told the station's address. */
beforeEach(async () => {
  folder = tempDir();
  sealed = sealedSecretStore(folder.dir);
  const database = testSiteFor(folder.dir);
  station = createStation({
    dataDir: folder.dir,
    migrationsFolder: MIGRATIONS,
    logger: silentLogger,
    database,
    secrets: sealed,
  });
  shell = await startHttpShell(station, { port: 0 });
  station.setLocalUrl(shell.url);
  await station.start();
});
afterEach(async () => {
  await station.stop();
  await shell.close();
  folder.remove();
});

it('refunds a training payment signed with the station key, which the embedded simulator reads at its URL', async () => {
  const answer = (await station.dispatch(
    'settings.getRefundSigningKey',
    {},
    localCaller,
  )) as Result<RefundSigningKeyView>;
  expect(answer.ok).toBe(true);
  const simulatorUrl = station.simulatorUrl()!;
  const sim = simClient(simulatorUrl);
  const paid = (
    await sim
      .merchant(TRAINING_DISPLAY_PROFILE.apiKey)
      .post<CreatePaymentView>('/v3/payments', { amount: 800 })
  ).body;
  await sim.scan(paid._links.deeplink.href);
  await sim.confirm(paid.paymentId);

  const keys = await waitFor(() => {
    try {
      return stationMerchantKeys(folder.dir, testSiteFor(folder.dir) !== null, sealed, PPID);
    } catch {
      return undefined;
    }
  });
  const client = createRefundClient({
    baseUrl: simulatorUrl,
    ppid: PPID,
    signer: createRequestSigner({ ppid: PPID, keys }),
  });
  const refund = await client.createRefund(paid.paymentId, { amountCents: 800 }, 'training-refund');
  expect(refund).toMatchObject({ status: 'PENDING', amountCents: 800 });
  await sim.advance(60_000);
  expect((await client.getRefund(paid.paymentId, refund.refundId)).status).toBe('REFUNDED');
});

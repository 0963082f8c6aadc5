import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_DISPLAY_PROFILE, TRAINING_STICKER_PROFILE } from '../../electron/core/simulator';
import { request } from '../support/sim-client';
import { spawnCli, startCliJson, type RunningCli } from '../support/sim-cli';

/** Each CLI flag, proven by what the running simulator then does over HTTP. */
const running: RunningCli[] = [];
afterEach(async () => {
  for (const cli of running.splice(0)) await cli.stop('SIGKILL');
});

async function start(args: string[]): Promise<RunningCli> {
  const cli = await startCliJson(['--port', '0', ...args]);
  running.push(cli);
  return cli;
}

const KEY = TRAINING_DISPLAY_PROFILE.apiKey;
const createWith = (baseUrl: string, body: unknown) =>
  request<{ code?: string; paymentId?: string }>(`${baseUrl}/v3/payments`, {
    headers: { authorization: `Bearer ${KEY}` },
    body,
  });

describe('npm run simulator flags', () => {
  it('--json lists every profile as {ppid, apiKey, type, topupAmountMode?, posIds?} and nothing else', async () => {
    const { info } = await start([]);
    expect(new Set(info.profiles.map((p) => p.type))).toEqual(new Set(['display', 'sticker', 'topup']));
    for (const profile of info.profiles) {
      expect(profile).toEqual({
        ppid: expect.stringMatching(/^[0-9a-f]{24}$/),
        apiKey: expect.any(String),
        type: expect.any(String),
        ...(profile.type === 'topup' && {
          topupAmountMode: expect.stringMatching(/^(open|modifiable|fixed)$/),
        }),
        ...(profile.type === 'sticker' && { posIds: TRAINING_STICKER_PROFILE.posIds }),
      });
    }
  });

  it('--allow-http-callbacks decides whether a loopback callback URL is accepted', async () => {
    const body = { amount: 100, callbackUrl: 'http://127.0.0.1:9/callback' };
    const [plain, relaxed] = await Promise.all([start([]), start(['--allow-http-callbacks'])]);
    const refused = await createWith(plain.info.baseUrl, body);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('FIELD_IS_INVALID');
    expect((await createWith(relaxed.info.baseUrl, body)).status).toBe(201);
  });

  it('--seed N gives the same faults for the same seed and others for another', async () => {
    const pattern = async (seed: string) => {
      const { info } = await start(['--seed', seed]);
      const faults = await request<{ seed: number }>(`${info.baseUrl}/_sim/faults/global`, {
        method: 'PUT',
        body: { errorRate: 0.5 },
      });
      expect(faults.body.seed).toBe(Number(seed));
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await createWith(info.baseUrl, { amount: 1 })).status);
      return statuses.join();
    };
    const first = await pattern('42');
    expect(first).toMatch(/500/);
    expect(first).toMatch(/201/);
    expect(await pattern('42')).toBe(first);
    expect(await pattern('7')).not.toBe(first);
  });

  it('--legacy-host-cutover refuses payconiq.com codes from that time on', async () => {
    const { info } = await start(['--legacy-host-cutover', '2020-01-01T00:00:00Z']);
    const created = await createWith(info.baseUrl, { amount: 100 });
    const scan = (host: string) =>
      request<{ code?: string }>(`${info.baseUrl}/_sim/payer/scan`, {
        body: { payload: `https://${host}/pay/2/${created.body.paymentId}` },
      });
    const legacy = await scan('payconiq.com');
    expect(legacy.status).toBe(400);
    expect(legacy.body.code).toBe('PAYLOAD_HOST_RETIRED');
    expect((await scan('pay.bancontact.net')).status).toBe(200);
  });

  it('--jwks-port serves the JWKS at the root of its own host, and jwksUrl says so', async () => {
    const { info } = await start(['--jwks-port', '0']);
    const jwksUrl = new URL(info.jwksUrl);
    expect(jwksUrl.pathname).toBe('/');
    expect(jwksUrl.origin).not.toBe(info.baseUrl);
    const keys = await request<{ keys: Array<{ kid: string }> }>(info.jwksUrl);
    expect(keys.status).toBe(200);
    expect(keys.body).toEqual((await request(`${info.baseUrl}/jwks/`)).body);
  });

  it('stops cleanly with exit code 0 on SIGINT', async () => {
    const cli = await start([]);
    expect((await createWith(cli.info.baseUrl, { amount: 100 })).status).toBe(201);
    expect(await cli.stop('SIGINT')).toBe(0);
  });

  it('refuses a --jwks-port that is not a port with exit code 2', async () => {
    const child = spawnCli(['--jwks-port', 'x']);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--jwks-port');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpShell, type HttpShell } from '../../electron/core/api/http-server';
import { TEST_PASSWORD } from '../support/sign-in';
import { startTestStation, type TestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';

/** An open event stream follows the station; it is not a person at the till, so it keeps no session alive. */
let kassa: TestStation;
let shell: HttpShell;
let offset = 0;

beforeAll(async () => {
  kassa = await startTestStation({ now: () => Date.now() + offset });
  shell = await startHttpShell(kassa.station, { port: 0, sseHeartbeatMs: 50 });
});
afterAll(async () => {
  await shell.close();
  await kassa.close();
});

async function post(method: string, input: unknown, cookie = ''): Promise<Response> {
  return fetch(`${shell.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
}

describe('the idle lock with an event stream open', () => {
  it('ends an idle session even while its device follows the station, and closes the stream', async () => {
    const admin = await kassa.must('staff.create', {
      name: 'Lies',
      locale: 'en',
      role: 'administrator',
      secret: TEST_PASSWORD,
    });
    const signedIn = await post('session.signIn', { staffId: admin.id, secret: TEST_PASSWORD });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^kassa_session=/);
    const stream = await fetch(`${shell.url}/api/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return true;
    })();
    expect((await post('till.listSales', {}, cookie)).status).toBe(200);

    // Nobody touches the till for longer than the idle lock (5 minutes by default), a minute at a time,
    // while the stream's heartbeats go on (each re-checks the session).
    for (let minute = 1; minute <= 6; minute++) {
      offset = minute * 60_000;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await waitFor(() => ended, 5_000, 'the stream to close')).toBe(true);
    const after = await post('till.listSales', {}, cookie);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});

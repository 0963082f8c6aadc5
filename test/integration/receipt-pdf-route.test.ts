import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-codes';
import { TEST_PASSWORD, TEST_PIN } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { tempDir } from '../support/temp';

let kassa: StationWithShell;
let scratch: ReturnType<typeof tempDir>;

beforeEach(async () => {
  kassa = await startStationWithShell({ simulatorUrl: 'http://127.0.0.1:9' });
  scratch = tempDir('kassa-receipt-pdf-');
});
afterEach(async () => {
  await kassa.close();
  scratch.remove();
});

/** A cash sale of two free lines at 21 % and 6 %, one with an accented name. */
async function cashSale(): Promise<string> {
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
  const basket = {
    lines: [
      { name: 'Crème brûlée', quantity: 2, unitPriceCents: 450, vatRate: 21 },
      { name: 'Water', quantity: 1, unitPriceCents: 250, vatRate: 6 },
    ],
  };
  const paid = await kassa.must('till.payCash', {
    ...{ amountCents: 1150, tenderedCents: 2000, idempotencyKey: 'receipt-pdf-1', tillId: 'till-1' },
    basket,
  });
  return paid.sale.id;
}

const get = (path: string, cookie = '') => fetch(kassa.shell.url + path, { headers: { cookie } });

/**
 * Creates a person (while the station window is still the training administrator) and signs them in
 * over HTTP, as the browser would; answers the session cookie.
 */
async function personWithCookie(
  role: 'administrator' | 'financial' | 'cashier',
): Promise<() => Promise<string>> {
  const secret = role === 'cashier' ? TEST_PIN : TEST_PASSWORD;
  const { id } = await kassa.must('staff.create', { name: `${role} one`, locale: 'en', role, secret });
  return async () => {
    const signedIn = await fetch(`${kassa.shell.url}/api/session.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: id, secret }),
    });
    expect(signedIn.status).toBe(200);
    return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
}

describe('GET /downloads/receipts/<saleId>.pdf', () => {
  it('serves the receipt exportPdf points at, named after its till and number, saying what the paper says', async () => {
    const saleId = await cashSale();
    const view = await kassa.must('receipts.exportPdf', { saleId });
    const receipt = await kassa.must('receipts.get', { saleId });
    expect(view.path).toBe(`/downloads/receipts/${saleId}.pdf`);
    const response = await get(view.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const name = `Receipt ${receipt.tillName} - 1.pdf`;
    expect(view.fileName).toBe(name);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(view.bytes);
    const file = join(scratch.dir, 'receipt.pdf');
    writeFileSync(file, bytes);
    const text = pdfText(file);
    expect(text).toContain('Receipt 1');
    expect(text).toMatch(/Crème brûlée\s+€9\.00/);
    expect(text).toMatch(/2 x €4\.50/);
    expect(text).toMatch(/TOTAL\s+€11\.50/);
    expect(text).toMatch(/21 ?%\s+7,44\s+1,56\s+9,00/);
    expect(text).toMatch(/6 ?%\s+2,36\s+0,14\s+2,50/);
    expect(text).toMatch(/Cash\s+€11\.50/);
    expect(text).toMatch(/Change\s+€8\.50/);
  });

  it('answers 404 for a sale without receipt, and nothing for a path that is not an id', async () => {
    expect((await get('/downloads/receipts/0123456789abcdef01234567.pdf')).status).toBe(404);
    for (const path of [
      '/downloads/receipts/..%2Fsettings.json.pdf',
      '/downloads/receipts/%2E%2E%2Ftraining.sqlite',
      '/downloads/receipts/../training.sqlite',
    ]) {
      const response = await get(path);
      expect(response.status, path).not.toBe(200);
      expect(response.headers.get('content-type') ?? '', path).not.toContain('application/pdf');
    }
  });

  it('needs a session that may sell: 401 without one, 403 for a financial officer, 200 for a cashier', async () => {
    const saleId = await cashSale();
    const path = `/downloads/receipts/${saleId}.pdf`;
    const signIn = {
      financial: await personWithCookie('financial'),
      cashier: await personWithCookie('cashier'),
      administrator: await personWithCookie('administrator'),
    };
    // The first administrator to sign in retires the station window's training administrator.
    await signIn.administrator();
    const anonymous = await get(path);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    const financial = await get(path, await signIn.financial());
    expect(financial.status).toBe(403);
    expect(await financial.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const cashier = await get(path, await signIn.cashier());
    expect(cashier.status).toBe(200);
    expect(
      Buffer.from(await cashier.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});

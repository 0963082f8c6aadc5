import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  type CreatePaymentView,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { decodeQrPng } from '../support/qr-decode';
import { simClient } from '../support/sim-client';

let server: SimulatorServer;

beforeAll(async () => {
  server = await startSimulatorServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const TOPUP =
  'https://pay.bancontact.net/t/1/ca55a0000000000000000003?D=Receipt%20Payment&A=1000&R=sd89sd91%3Fsd9';

async function image(query: string): Promise<Response> {
  return fetch(`${server.baseUrl}/qrcode?${query}`);
}

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('GET /qrcode', () => {
  it.each([
    ['', 180],
    ['&s=S', 180],
    ['&s=M', 250],
    ['&s=L', 400],
    ['&s=XL', 800],
  ])('renders a PNG of the right size for %j that scans back to c', async (size, pixels) => {
    const res = await image(`c=${encodeURIComponent(TOPUP)}&f=PNG${size}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(pngSize(png)).toEqual([pixels, pixels]);
    expect(decodeQrPng(png)).toEqual([TOPUP]);
  });

  it('renders SVG, magenta by default and black on request', async () => {
    const magenta = await image(`c=${encodeURIComponent(TOPUP)}&f=SVG`);
    expect(magenta.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await magenta.text();
    expect(svg).toMatch(/^<svg/);
    expect(svg.toLowerCase()).toContain('#ff4785');
    const black = await (await image(`c=${encodeURIComponent(TOPUP)}&f=SVG&cl=black`)).text();
    expect(black.toLowerCase()).not.toContain('#ff4785');
    expect(black).toContain('#000000');
  });

  it.each([
    ['no c', 'f=PNG', 'FIELD_IS_REQUIRED'],
    ['an unknown format', 'c=x&f=GIF', 'FIELD_IS_INVALID'],
    ['an unknown size', 'c=x&s=XXL', 'FIELD_IS_INVALID'],
    ['an unknown colour', 'c=x&cl=green', 'FIELD_IS_INVALID'],
  ])('answers 400 for %s', async (_label, query, code) => {
    const res = await image(query);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe(code);
  });

  it("serves the image a payment's qrcode link points at", async () => {
    const sim = simClient(server.baseUrl);
    const created = await sim
      .merchant(TRAINING_DISPLAY_PROFILE.apiKey)
      .post<CreatePaymentView>('/v3/payments', { amount: 5 });
    const res = await fetch(`${created.body._links.qrcode.href}&s=M`);
    expect(decodeQrPng(Buffer.from(await res.arrayBuffer()))).toEqual([created.body._links.deeplink.href]);
  });
});

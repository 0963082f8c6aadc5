import { describe, expect, it } from 'vitest';
import {
  TopupPayloadError,
  buildTopupPayload,
  encodeTemplateValue,
  parseTopupPayload,
  qrGeneratorUrl,
} from '../../shared/domain/topup-payload';

const PPID = '5c18cbd1296e9a26d3278518';

describe('top-up payloads', () => {
  it('follow the Top Up guide: its example payload and generator URL, byte for byte', () => {
    const payload = buildTopupPayload({
      ppid: PPID,
      amountMode: 'fixed',
      description: 'Receipt Payment',
      amountCents: 1000,
      reference: 'sd89sd91?sd9',
      host: 'payconiq.com',
    });
    expect(payload).toBe(
      'https://payconiq.com/t/1/5c18cbd1296e9a26d3278518?D=Receipt%20Payment&A=1000&R=sd89sd91%3Fsd9',
    );
    expect(qrGeneratorUrl(payload, 'PNG', 'XL')).toBe(
      'https://qrcodegenerator.api.bancontact.net/qrcode?f=PNG&s=XL&c=https%3A%2F%2Fpayconiq.com%2Ft%2F1%2F5c18cbd1296e9a26d3278518%3FD%3DReceipt%2520Payment%26A%3D1000%26R%3Dsd89sd91%253Fsd9',
    );
  });

  it('use pay.bancontact.net unless the legacy host is asked for, and carry A only for modifiable and fixed codes', () => {
    const base = { ppid: PPID, description: 'Top up', reference: '7K2Q-9XQ4-M3PC' };
    expect(buildTopupPayload({ ...base, amountMode: 'open' })).toBe(
      `https://pay.bancontact.net/t/1/${PPID}?D=Top%20up&R=7K2Q-9XQ4-M3PC`,
    );
    expect(buildTopupPayload({ ...base, amountMode: 'modifiable', amountCents: 2000 })).toBe(
      `https://pay.bancontact.net/t/1/${PPID}?D=Top%20up&A=2000&R=7K2Q-9XQ4-M3PC`,
    );
    expect(buildTopupPayload({ ...base, amountMode: 'fixed', amountCents: 999_999 })).toContain('&A=999999&');
  });

  it('encode every SEPA special character so that no reader can take it for syntax', () => {
    expect(encodeTemplateValue("a b/c-d?e:f(g)h.i,j'k+l")).toBe('a%20b%2Fc-d%3Fe%3Af%28g%29h.i%2Cj%27k%2Bl');
    const payload = buildTopupPayload({
      ppid: PPID,
      amountMode: 'open',
      description: "Bar (1+1) d'ete?",
      reference: 'R+1',
    });
    const read = parseTopupPayload(payload);
    expect(read).toMatchObject({
      description: "Bar (1+1) d'ete?",
      reference: 'R+1',
      amount: null,
      ppid: PPID,
    });
    expect(new URL(payload).searchParams.get('D')).toBe("Bar (1+1) d'ete?");
  });

  it.each([
    [{ description: 'D'.repeat(36) }, 'description'],
    [{ description: '' }, 'description'],
    [{ description: 'Café' }, 'description'],
    [{ description: 'Fish & chips' }, 'description'],
    [{ reference: 'R'.repeat(36) }, 'reference'],
    [{ reference: 'r_1' }, 'reference'],
    [{ ppid: 'ca55/../x' }, 'ppid'],
    [{ amountMode: 'fixed' as const, amountCents: null }, 'amountCents'],
    [{ amountMode: 'fixed' as const, amountCents: 1_000_000 }, 'amountCents'],
    [{ amountMode: 'modifiable' as const, amountCents: 0 }, 'amountCents'],
    [{ amountMode: 'modifiable' as const, amountCents: 12.5 }, 'amountCents'],
    [{ amountMode: 'open' as const, amountCents: 500 }, 'amountCents'],
  ])('refuse %o', (change, field) => {
    const input = {
      ppid: PPID,
      amountMode: 'open' as const,
      description: 'Top up',
      reference: 'X',
      ...change,
    };
    expect(() => buildTopupPayload(input)).toThrow(TopupPayloadError);
    try {
      buildTopupPayload(input);
    } catch (error) {
      expect((error as TopupPayloadError).field).toBe(field);
    }
  });

  it('accept a description of exactly 35 SEPA characters', () => {
    const description = "A-Z a-z 0-9 / - ? : ( ) . , ' + 35ch".slice(0, 35);
    expect(description).toHaveLength(35);
    const payload = buildTopupPayload({ ppid: PPID, amountMode: 'open', description, reference: 'X' });
    expect(parseTopupPayload(payload)?.description).toBe(description);
  });

  it('send s to the generator for PNG only', () => {
    expect(qrGeneratorUrl('https://pay.bancontact.net/t/1/x?R=1', 'SVG', 'L')).toBe(
      'https://qrcodegenerator.api.bancontact.net/qrcode?f=SVG&c=https%3A%2F%2Fpay.bancontact.net%2Ft%2F1%2Fx%3FR%3D1',
    );
  });

  it('read only top-up codes of Bancontact hosts', () => {
    expect(parseTopupPayload('https://pay.bancontact.net/pay/2/abc')).toBeNull();
    expect(parseTopupPayload('http://pay.bancontact.net/t/1/abc?R=1')).toBeNull();
    expect(parseTopupPayload('https://pay.bancontact.net.evil.example/t/1/abc?R=1')).toBeNull();
    expect(parseTopupPayload('not a url')).toBeNull();
    expect(parseTopupPayload('https://pay.acc.bancontact.net/t/1/abc?R=1')?.reference).toBe('1');
  });
});

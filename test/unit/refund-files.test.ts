// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  buildPain001,
  PAIN_001_NAMESPACE,
  type CreditTransfer,
} from '../../electron/core/topup/refunds/pain001';
import { buildRefundCsv } from '../../electron/core/topup/refunds/refund-csv';
import { compactIban, isValidIban, maskIban } from '../../shared/domain/iban';

const transfers: CreditTransfer[] = [
  {
    endToEndId: 'a1b2c3d4e5f6a1b2c3d4e5f6',
    amountCents: 1250,
    creditorName: 'Jérôme & Zoë',
    creditorIban: 'BE71096123456769',
    remittance: 'Refund wristband 7K2Q-9XQ4-M3PC',
  },
  {
    endToEndId: 'ffffffffffffffffffffffff',
    amountCents: 5,
    creditorName: 'Jan <b>',
    creditorIban: 'NL91ABNA0417164300',
    remittance: 'Refund wristband 0000-0000-0000',
  },
  {
    endToEndId: '000000000000000000000001',
    amountCents: 100_000,
    creditorName: 'Ann',
    creditorIban: 'BE68539007547034',
    remittance: 'Refund wristband 1111-1111-1111',
  },
];

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const all = (node: Document | Element, name: string) => [
  ...node.getElementsByTagNameNS(PAIN_001_NAMESPACE, name),
];
const text = (node: Document | Element, path: string[]): string | undefined => {
  let current: Document | Element | undefined = node;
  for (const name of path) current = current ? all(current, name)[0] : undefined;
  return current?.textContent ?? undefined;
};

describe('SEPA credit transfer file (pain.001.001.09)', () => {
  const xml = buildPain001({
    messageId: 'KASSA-0123456789abcdef01234567',
    createdAt: new Date('2026-07-14T09:30:15.123Z'),
    executionDate: '2026-07-15',
    debtor: { name: 'Festival vzw', iban: 'BE68539007547034' },
    transfers,
  });
  const doc = parse(xml);

  it('is a pain.001.001.09 document with a group header that counts and sums the transfers', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.documentElement.localName).toBe('Document');
    expect(doc.documentElement.namespaceURI).toBe(PAIN_001_NAMESPACE);
    const header = all(doc, 'GrpHdr')[0]!;
    expect(text(header, ['MsgId'])).toBe('KASSA-0123456789abcdef01234567');
    expect(text(header, ['CreDtTm'])).toBe('2026-07-14T09:30:15Z');
    expect(text(header, ['NbOfTxs'])).toBe('3');
    expect(text(header, ['CtrlSum'])).toBe('1012.55');
    expect(text(header, ['InitgPty', 'Nm'])).toBe('Festival vzw');
  });

  it('pays from the organiser’s account on the requested day, one block, SEPA service level', () => {
    const [info, ...more] = all(doc, 'PmtInf');
    expect(more).toHaveLength(0);
    expect(text(info!, ['PmtMtd'])).toBe('TRF');
    expect(text(info!, ['NbOfTxs'])).toBe('3');
    expect(text(info!, ['CtrlSum'])).toBe('1012.55');
    expect(text(info!, ['PmtTpInf', 'SvcLvl', 'Cd'])).toBe('SEPA');
    expect(text(info!, ['ReqdExctnDt', 'Dt'])).toBe('2026-07-15');
    expect(text(info!, ['Dbtr', 'Nm'])).toBe('Festival vzw');
    expect(text(info!, ['DbtrAcct', 'Id', 'IBAN'])).toBe('BE68539007547034');
    expect(text(info!, ['ChrgBr'])).toBe('SLEV');
  });

  it('has one transfer per refund, in EUR with two decimals, to the payer, naming the wristband', () => {
    const txs = all(doc, 'CdtTrfTxInf');
    expect(txs).toHaveLength(3);
    const amounts = txs.map((tx) => all(tx, 'InstdAmt')[0]!);
    expect(amounts.map((a) => a.getAttribute('Ccy'))).toEqual(['EUR', 'EUR', 'EUR']);
    expect(amounts.map((a) => a.textContent)).toEqual(['12.50', '0.05', '1000.00']);
    const sum = amounts.reduce((total, a) => total + Math.round(Number(a.textContent) * 100), 0);
    expect((sum / 100).toFixed(2)).toBe(text(doc, ['GrpHdr', 'CtrlSum']));
    expect(txs.map((tx) => text(tx, ['PmtId', 'EndToEndId']))).toEqual(transfers.map((t) => t.endToEndId));
    expect(txs.map((tx) => text(tx, ['CdtrAcct', 'Id', 'IBAN']))).toEqual(
      transfers.map((t) => t.creditorIban),
    );
    expect(text(txs[0]!, ['RmtInf', 'Ustrd'])).toBe('Refund wristband 7K2Q-9XQ4-M3PC');
  });

  it('writes names in the SEPA character set and escapes what XML needs', () => {
    const names = all(doc, 'CdtTrfTxInf').map((tx) => text(tx, ['Cdtr', 'Nm']));
    expect(names).toEqual(['Jerome + Zoe', 'Jan b', 'Ann']);
    const odd = buildPain001({
      messageId: "M'1",
      createdAt: new Date(0),
      executionDate: '2026-01-01',
      debtor: { name: "Rock 'n' Roll", iban: 'BE68539007547034' },
      transfers: [transfers[0]!],
    });
    expect(odd).toContain('<Nm>Rock &apos;n&apos; Roll</Nm>');
    expect(text(parse(odd), ['GrpHdr', 'MsgId'])).toBe("M'1");
  });
});

describe('refund CSV', () => {
  const csv = buildRefundCsv(
    transfers
      .map((t, i) => ({ ...t, wristbandId: `W${i}`, bancontactId: `p${i}` }))
      .concat({
        ...transfers[0]!,
        creditorName: '=HYPERLINK("x";"y")',
        wristbandId: 'W3',
        bancontactId: 'p3',
      }),
  );

  it('is UTF-8 with a byte order mark, `;` separated, amounts with a decimal comma', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'wristband;creditor_name;creditor_iban;amount_eur;end_to_end_id;bancontact_payment_id',
    );
    expect(lines[1]).toBe('W0;Jérôme & Zoë;BE71096123456769;12,50;a1b2c3d4e5f6a1b2c3d4e5f6;p0');
    expect(lines[2]?.split(';')[3]).toBe('0,05');
  });

  it('quotes fields that hold separators or quotes, and defuses formulas', () => {
    expect(csv).toContain(`W3;"'=HYPERLINK(""x"";""y"")";`);
  });
});

describe('IBANs', () => {
  it('accepts only IBANs whose check digits hold, with or without spaces', () => {
    expect(isValidIban('BE68 5390 0754 7034')).toBe(true);
    expect(isValidIban('be71096123456769')).toBe(true);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('BE68539007547035')).toBe(false);
    expect(isValidIban('BE86539007547034')).toBe(false);
    expect(isValidIban('BE68')).toBe(false);
    expect(isValidIban('not an iban at all')).toBe(false);
    expect(compactIban(' be68 5390 0754 7034 ')).toBe('BE68539007547034');
  });

  it('masks all but the country and the last four characters', () => {
    expect(maskIban('BE68539007547034')).toBe('BE**********7034');
  });
});

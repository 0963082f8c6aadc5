import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleView, StationEvent } from '../../shared/contract';
import { signInAs, type SignedIn } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell;
let manager: SignedIn;
let events: StationEvent[];
beforeEach(async () => {
  kassa = await startStationWithShell();
  await kassa.must('settings.setSalesSetup', {
    shops: [
      { id: 'bar', name: 'Bar Noord' },
      { id: 'food', name: 'Frituur' },
    ],
  });
  manager = await signInAs(kassa.station, 'manager');
  events = [];
  kassa.station.events.subscribe((event) => events.push(event));
});
afterEach(async () => {
  await kassa.close();
});

const cola = { name: 'Cola', priceCents: 250, vatRate: 21, category: 'Dranken', barcode: '5449000000996' };
const changes = () => events.filter((event) => event.name === 'articles.changed').length;
const refusal = (result: { ok: boolean; error?: { code: string; fields?: string[] } }) =>
  result.ok ? 'OK' : { code: result.error?.code, fields: result.error?.fields };

describe('the article catalogue', () => {
  it('creates, updates and deactivates an article; tills list what is sold, in order', async () => {
    const saved = await manager.must('articles.save', cola);
    expect(saved).toMatchObject({ ...cola, colour: '#4a6fa5', active: true, shopIds: [], position: 0 });
    await manager.must('articles.save', { name: 'Croque', priceCents: 650, vatRate: 12, shopIds: ['food'] });
    await manager.must('articles.save', { name: 'Água', priceCents: 200, vatRate: 6, category: 'Dranken' });
    const names = (list: ArticleView[]) => list.map((article) => article.name);
    // By category ('' first), then position, then name.
    expect(names(await manager.must('articles.list', {}))).toEqual(['Croque', 'Água', 'Cola']);
    expect(names(await manager.must('articles.list', { shopId: 'bar' }))).toEqual(['Água', 'Cola']);

    const dearer = await manager.must('articles.save', {
      ...cola,
      id: saved.id,
      priceCents: 270,
      colour: '#FF0000',
    });
    expect(dearer).toMatchObject({ id: saved.id, priceCents: 270, colour: '#ff0000' });
    await manager.must('articles.save', {
      ...cola,
      id: saved.id,
      priceCents: 270,
      colour: '#ff0000',
      active: false,
    });
    expect(names(await manager.must('articles.list', { shopId: 'bar' }))).toEqual(['Água']);
    const all = await manager.must('articles.list', { includeInactive: true });
    expect(all.find((article) => article.id === saved.id)).toMatchObject({ active: false, priceCents: 270 });
    expect(changes()).toBe(5);
  });

  it('keeps a barcode to one article, naming the one that has it', async () => {
    await manager.must('articles.save', cola);
    const result = await manager.call('articles.save', { ...cola, name: 'Cola Zero' });
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'CONFLICT',
      fields: ['barcode'],
      details: [{ column: 'barcode', problem: 'barcodeTaken', other: 'Cola' }],
    });
    expect(await manager.must('articles.list', {})).toHaveLength(1);
  });

  it('refuses a rate not in force, a shop that does not exist, a long name, naming the fields', async () => {
    expect(refusal(await manager.call('articles.save', { ...cola, vatRate: 7 }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['vatRate'],
    });
    expect(refusal(await manager.call('articles.save', { ...cola, shopIds: ['bar', 'nope'] }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['shopIds'],
    });
    expect(refusal(await manager.call('articles.save', { ...cola, name: 'x'.repeat(41) }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['name'],
    });
    expect(await manager.must('articles.list', { includeInactive: true })).toEqual([]);
  });

  it('takes the rates in force today by the sales setup, not a fixed list', async () => {
    const vatRates = [
      { rate: 21, from: '1970-01-01' },
      { rate: 6, from: '1970-01-01', until: '2020-12-31' },
      { rate: 9, from: '2021-01-01' },
    ];
    await kassa.must('settings.setSalesSetup', { vatRates });
    expect(await manager.must('articles.save', { ...cola, vatRate: 9 })).toMatchObject({ vatRate: 9 });
    expect(refusal(await manager.call('articles.save', { ...cola, barcode: null, vatRate: 6 }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['vatRate'],
    });
    const result = await manager.call('articles.import', { csv: 'name;price;vat\nSpa;2,00;6\nBier;3;9\n' });
    expect(result.ok ? null : result.error.details).toEqual([
      { line: 2, column: 'vat', problem: 'notAVatRate' },
    ]);
  });

  it('lets a cashier read the catalogue but not change it', async () => {
    await manager.must('articles.save', cola);
    const cashier = await signInAs(kassa.station, 'cashier');
    expect(await cashier.must('articles.list', {})).toHaveLength(1);
    expect(refusal(await cashier.call('articles.save', { ...cola, barcode: null }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      refusal(await cashier.call('articles.import', { csv: 'name;price;vat\nBier;3;21\n' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await manager.must('articles.list', {})).toHaveLength(1);
  });

  it('writes saves and imports to the audit log', async () => {
    await manager.must('articles.save', cola);
    await manager.must('articles.import', { csv: 'name;price;vat\nBier;3;21\n' });
    const { entries } = await kassa.must('audit.list', {});
    const saved = entries.find((entry) => entry.action === 'articles.save');
    expect(saved).toMatchObject({ outcome: 'ok', subject: 'Cola', staff: { id: manager.staffId } });
    expect(saved?.detail).toMatchObject({ priceCents: 250, active: true });
    const imported = entries.find((entry) => entry.action === 'articles.import');
    expect(imported?.detail).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
  });
});

describe('catalogue CSV', () => {
  it('names every bad line of a file and imports nothing', async () => {
    await manager.must('articles.save', cola);
    const csv = [
      'naam;prijs;btw;categorie;kleur;streepjescode;actief;winkels',
      'Bier;3,00;21;Dranken;;111;ja;',
      'Wijn;3,5O;21;Dranken;;;ja;',
      'Spa;2,00;7;Dranken;#12;;ja;',
      ';2,00;6;;;;;',
      'Cola light;2,50;21;Dranken;;AB-12;ja;',
      'Chips;1,80;6;Snacks;;;misschien;Winkel 9',
      'Frieten;3,20;6;Snacks;;;ja;Frituur',
      'Bier 33cl;3,20;21;Dranken;;111;ja;;;',
      'Bier 50cl;3,20;21;Dranken;;111;ja;',
    ].join('\r\n');
    const result = await manager.call('articles.import', { csv });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.details).toEqual([
      { line: 3, column: 'price', problem: 'notAnAmount' },
      { line: 4, column: 'vat', problem: 'notAVatRate' },
      { line: 4, column: 'colour', problem: 'notAColour' },
      { line: 5, column: 'name', problem: 'required' },
      { line: 6, column: 'barcode', problem: 'notABarcode' },
      { line: 7, column: 'active', problem: 'notYesNo' },
      { line: 7, column: 'shops', problem: 'unknownShop' },
      // More cells than the header has: a price's comma taken for a separator, or a shifted line.
      { line: 9, column: '', problem: 'cellCount' },
      { line: 10, column: 'barcode', problem: 'duplicateBarcode' },
    ]);
    // Nothing imported: not even the good lines (Bier, Frieten).
    expect((await manager.must('articles.list', { includeInactive: true })).map((a) => a.name)).toEqual([
      'Cola',
    ]);
    expect(changes()).toBe(1);
  });

  it('imports a Belgian Excel file: semicolons, decimal commas, Dutch headers', async () => {
    const csv = [
      '\uFEFFNaam;Prijs;BTW %;Categorie;Kleur;Streepjescode;Actief;Winkels;Positie',
      'Pintje;2,80;21;Bier;#d4a017;5410228142089;ja;Bar Noord;1',
      '"Croque ""monsieur""";6,5;12;Eten;;;ja;food|bar;',
      'Crème brûlée;€ 4,00;6;Dessert;;;nee;;',
    ].join('\n');
    expect(await manager.must('articles.import', { csv })).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const list = await manager.must('articles.list', { includeInactive: true });
    expect(
      list.map(({ name, priceCents, vatRate, shopIds, active }) => ({
        name,
        priceCents,
        vatRate,
        shopIds,
        active,
      })),
    ).toEqual([
      { name: 'Pintje', priceCents: 280, vatRate: 21, shopIds: ['bar'], active: true },
      { name: 'Crème brûlée', priceCents: 400, vatRate: 6, shopIds: [], active: false },
      { name: 'Croque "monsieur"', priceCents: 650, vatRate: 12, shopIds: ['food', 'bar'], active: true },
    ]);
    expect(list[0]).toMatchObject({ colour: '#d4a017', barcode: '5410228142089', position: 1 });
    // Matched by barcode, a line updates the article instead of adding one.
    const again = 'name,price,vat,barcode\nPintje 25cl,2.90,21,5410228142089\n';
    expect(await manager.must('articles.import', { csv: again })).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(
      (await manager.must('articles.list', {})).find((a) => a.barcode === '5410228142089'),
    ).toMatchObject({
      name: 'Pintje 25cl',
      priceCents: 290,
      shopIds: ['bar'],
    });
  });

  it('exports a catalogue that imports back as is, changing nothing', async () => {
    await manager.must('articles.save', { ...cola, shopIds: ['bar'], position: 3 });
    await manager.must('articles.save', { name: 'Bière; "blonde"', priceCents: 1234567, vatRate: 21 });
    await manager.must('articles.save', { name: 'Oud', priceCents: 0, vatRate: 0, active: false });
    const before = await manager.must('articles.list', { includeInactive: true });
    for (const separator of [';', ','] as const) {
      const file = await manager.must('articles.export', { separator });
      // The station window's own download, as the Articles screen's link does it.
      const response = await fetch(kassa.shell.url + file.path);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      // A BOM, so that Excel reads the accents as UTF-8.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = bytes.toString('utf8');
      const header = [
        'id',
        'name',
        'price',
        'vat',
        'category',
        'colour',
        'barcode',
        'active',
        'shops',
        'position',
        'plan',
        'period',
        'charges',
        'threshold',
        'topup',
      ];
      expect(csv.split('\r\n')[0]).toBe(`\uFEFF${header.join(separator)}`);
      expect(csv).toContain(separator === ';' ? '12345,67' : '12345.67');
      expect(await manager.must('articles.import', { csv })).toEqual({
        created: 0,
        updated: 0,
        unchanged: 3,
      });
      expect(await manager.must('articles.list', { includeInactive: true })).toEqual(before);
    }
    expect(changes()).toBe(3);
  });
});

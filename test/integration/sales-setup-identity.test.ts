import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseSql } from '../support/database-sql';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell | undefined;
afterEach(async () => {
  await kassa?.close();
  kassa = undefined;
});

const refusal = (result: { ok: boolean; error?: { code: string; fields?: string[] } }) =>
  result.ok ? 'OK' : { code: result.error?.code, fields: result.error?.fields };

describe('the shops and sales setup', () => {
  it('keeps shops with address, website and VAT number, and the business identity', async () => {
    kassa = await startStationWithShell();
    const shop = {
      id: 'bar',
      name: 'Bar Noord',
      address: 'Grote Markt 1, 1000 Brussel',
      website: 'www.noord.be',
    };
    const saved = await kassa.must('settings.setSalesSetup', {
      shops: [
        { ...shop, vatNumber: 'BE 0202.239.951' },
        { id: 'food', name: 'Frituur' },
      ],
      business: {
        name: 'Café Noord bv',
        address: 'Kaai 2, 9000 Gent',
        website: '',
        vatNumber: '0403 170 701',
      },
    });
    // Kept the one way receipts print it, however it was typed.
    expect(saved.shops).toEqual([
      { ...shop, vatNumber: 'BE0202239951' },
      { id: 'food', name: 'Frituur', address: '', website: '', vatNumber: '' },
    ]);
    expect(saved.business).toEqual({
      name: 'Café Noord bv',
      address: 'Kaai 2, 9000 Gent',
      website: '',
      vatNumber: 'BE0403170701',
    });
    expect(await kassa.must('settings.getSalesSetup', {})).toMatchObject({
      shops: saved.shops,
      business: saved.business,
      vatRates: [21, 12, 6, 0].map((rate) => ({ rate, from: '1970-01-01' })),
    });
  });

  it('refuses a VAT number whose check digits do not match, naming its field', async () => {
    kassa = await startStationWithShell();
    const shop = { id: 'bar', name: 'Bar', vatNumber: 'BE0202239952' };
    expect(refusal(await kassa.call('settings.setSalesSetup', { shops: [shop] }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['shops.0.vatNumber'],
    });
    const business = { name: 'X', vatNumber: 'NL123456789B01' };
    expect(refusal(await kassa.call('settings.setSalesSetup', { business }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['business.vatNumber'],
    });
    expect((await kassa.must('settings.getSalesSetup', {})).business.vatNumber).toBe('');
  });

  it('lets tills and the default use only a VAT rate in force today', async () => {
    kassa = await startStationWithShell();
    const vatRates = [
      { rate: 21, from: '1970-01-01' },
      { rate: 6, from: '1970-01-01', until: '2020-12-31' },
      { rate: 9, from: '2021-01-01' },
    ];
    await kassa.must('settings.setSalesSetup', { vatRates });
    const tillAt6 = { tills: [{ tillId: 'till-1', vatRate: 6 }] };
    expect(refusal(await kassa.call('settings.setSalesSetup', tillAt6))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['tills.0.vatRate'],
    });
    expect(refusal(await kassa.call('settings.setSalesSetup', { defaultVatRate: 12 }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['defaultVatRate'],
    });
    const saved = await kassa.must('settings.setSalesSetup', { tills: [{ tillId: 'till-1', vatRate: 9 }] });
    expect(saved.tills).toEqual([{ tillId: 'till-1', vatRate: 9 }]);
    expect(saved.vatRates).toEqual(vatRates);
    // Ending the default rate's period is ending the default: refused until the default moves.
    const ended = [{ rate: 21, from: '1970-01-01', until: '2020-12-31' }, vatRates[2]];
    expect(refusal(await kassa.call('settings.setSalesSetup', { vatRates: ended }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['defaultVatRate'],
    });
    const backwards = [{ rate: 21, from: '2026-01-01', until: '2025-12-31' }];
    expect(refusal(await kassa.call('settings.setSalesSetup', { vatRates: backwards }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['vatRates.0.until'],
    });
  });

  it('reads a setup written before shops had addresses and VAT rates had dates', async () => {
    const old = { shops: [{ id: 'bar', name: 'Bar' }], cashRounding: 1, defaultVatRate: 6, tills: [] };
    const fresh = await startStationWithShell();
    const dataDir = fresh.dataDir;
    await fresh.station.stop();
    // Where the station keeps it: sales-setup.json, or on a site its row in the site's settings.
    if (fresh.database) {
      const value = JSON.stringify(old).replaceAll("'", "''");
      databaseSql(dataDir, 'station').exec(
        `UPDATE site_settings SET value = '${value}' WHERE name = 'salesSetup'`,
      );
    } else writeFileSync(join(dataDir, 'sales-setup.json'), JSON.stringify(old));
    kassa = await startStationWithShell({ dataDir, database: fresh.database });
    expect(await kassa.must('settings.getSalesSetup', {})).toMatchObject({
      shops: [{ id: 'bar', name: 'Bar', address: '', website: '', vatNumber: '' }],
      business: { name: '', address: '', website: '', vatNumber: '' },
      cashRounding: 1,
      defaultVatRate: 6,
      vatRates: [21, 12, 6, 0].map((rate) => ({ rate, from: '1970-01-01' })),
    });
  });
});

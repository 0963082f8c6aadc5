import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleView } from '../../shared/contract';
import { signInAs, type SignedIn } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell;
let manager: SignedIn;
beforeEach(async () => {
  kassa = await startStationWithShell();
  manager = await signInAs(kassa.station, 'manager');
});
afterEach(async () => {
  await kassa.close();
});

const monthly = { kind: 'plan', period: 'month', chargeCount: 12 } as const;
const topup = { kind: 'auto_topup', thresholdCents: 500, topupCents: 2000 } as const;
const membership = { name: 'Lidgeld', priceCents: 1500, vatRate: 21, recurringPlan: monthly };
const refusal = (result: { ok: boolean; error?: { code: string; fields?: string[] } }) =>
  result.ok ? 'OK' : { code: result.error?.code, fields: result.error?.fields };
const byName = (list: ArticleView[], name: string) => list.find((article) => article.name === name);

describe('articles sold as payment agreements', () => {
  it('saves a plan and an automatic top-up, and keeps a plan when another field changes', async () => {
    const saved = await manager.must('articles.save', membership);
    expect(saved.recurringPlan).toEqual(monthly);
    const wristband = await manager.must('articles.save', {
      name: 'Polsbandje',
      priceCents: 2000,
      vatRate: 0,
      recurringPlan: topup,
    });
    expect(wristband.recurringPlan).toEqual(topup);
    await manager.must('articles.save', { name: 'Cola', priceCents: 250, vatRate: 21 });

    // The till reads the catalogue: each article says how it is sold.
    const cashier = await signInAs(kassa.station, 'cashier');
    const list = await cashier.must('articles.list', {});
    expect(byName(list, 'Lidgeld')?.recurringPlan).toEqual(monthly);
    expect(byName(list, 'Polsbandje')?.recurringPlan).toEqual(topup);
    expect(byName(list, 'Cola')?.recurringPlan).toBeNull();

    // A new price without a plan in the call: the plan stays.
    const dearer = await manager.must('articles.save', { ...membership, id: saved.id, priceCents: 1800 });
    expect(dearer).toMatchObject({ priceCents: 1800, recurringPlan: monthly });
    const untilStopped = { kind: 'plan', period: 'year', chargeCount: null } as const;
    await manager.must('articles.save', { ...membership, id: saved.id, recurringPlan: untilStopped });
    // null: sold once from now on.
    const { id: _id, ...wristbandFields } = wristband;
    await manager.must('articles.save', { ...wristbandFields, id: wristband.id, recurringPlan: null });
    const after = await manager.must('articles.list', {});
    expect(byName(after, 'Lidgeld')?.recurringPlan).toEqual(untilStopped);
    expect(byName(after, 'Polsbandje')?.recurringPlan).toBeNull();
  });

  it('refuses a top-up not above its threshold, a plan of one charge, a plan at no price', async () => {
    const small = { ...topup, topupCents: 500 };
    expect(refusal(await manager.call('articles.save', { ...membership, recurringPlan: small }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['recurringPlan.topupCents'],
    });
    const once = { ...monthly, chargeCount: 1 };
    expect(refusal(await manager.call('articles.save', { ...membership, recurringPlan: once }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['recurringPlan.chargeCount'],
    });
    const daily = { ...monthly, period: 'day' };
    expect(refusal(await manager.call('articles.save', { ...membership, recurringPlan: daily }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['recurringPlan.period'],
    });
    expect(refusal(await manager.call('articles.save', { ...membership, priceCents: 0 }))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['priceCents'],
    });
    // Nor may a price go to nothing under a plan the article keeps.
    const saved = await manager.must('articles.save', membership);
    const { recurringPlan: _kept, ...withoutPlan } = membership;
    expect(
      refusal(await manager.call('articles.save', { ...withoutPlan, id: saved.id, priceCents: 0 })),
    ).toEqual({ code: 'INVALID_INPUT', fields: ['priceCents'] });
    expect(await manager.must('articles.list', {})).toEqual([saved]);
  });

  it('refuses a cashier who sets a plan', async () => {
    const cashier = await signInAs(kassa.station, 'cashier');
    expect(refusal(await cashier.call('articles.save', membership))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('plans in the catalogue CSV', () => {
  it('imports plans with Dutch headers and words, and exports them back unchanged', async () => {
    const csv = [
      'naam;prijs;btw;verkocht als;periode;betalingen;drempel;opwaardering',
      'Lidgeld;15,00;21;abonnement;maand;12;;',
      'Seizoenspas;40;21;plan;kwartaal;;;',
      'Polsbandje;20;0;opwaardering;;;5;20,00',
      'Cola;2,50;21;;;;;',
    ].join('\n');
    expect(await manager.must('articles.import', { csv })).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const list = await manager.must('articles.list', {});
    expect(byName(list, 'Lidgeld')?.recurringPlan).toEqual(monthly);
    expect(byName(list, 'Seizoenspas')?.recurringPlan).toEqual({
      kind: 'plan',
      period: 'quarter',
      chargeCount: null,
    });
    expect(byName(list, 'Polsbandje')?.recurringPlan).toEqual(topup);
    expect(byName(list, 'Cola')?.recurringPlan).toBeNull();

    for (const separator of [';', ','] as const) {
      const file = await manager.must('articles.export', { separator });
      const exported = await (await fetch(kassa.shell.url + file.path)).text();
      const decimal = separator === ';' ? ',' : '.';
      expect(exported).toContain(['auto_topup', '', '', `5${decimal}00`, `20${decimal}00`].join(separator));
      expect(exported).toContain(['plan', 'month', '12', '', ''].join(separator));
      expect(await manager.must('articles.import', { csv: exported })).toEqual({
        created: 0,
        updated: 0,
        unchanged: 4,
      });
    }
    expect(await manager.must('articles.list', {})).toEqual(list);
  });

  it('keeps the stored plan when a file has no plan columns, and clears it on a line sold once', async () => {
    const saved = await manager.must('articles.save', membership);
    const prices = `id;name;price;vat\n${saved.id};Lidgeld;16,00;21\n`;
    expect(await manager.must('articles.import', { csv: prices })).toMatchObject({ updated: 1 });
    expect((await manager.must('articles.list', {}))[0]).toMatchObject({
      priceCents: 1600,
      recurringPlan: monthly,
    });
    const once = `id;name;price;vat;plan\n${saved.id};Lidgeld;16,00;21;once\n`;
    expect(await manager.must('articles.import', { csv: once })).toMatchObject({ updated: 1 });
    expect((await manager.must('articles.list', {}))[0]?.recurringPlan).toBeNull();
  });

  it('names every bad plan cell of a file and imports nothing', async () => {
    const csv = [
      'name,price,vat,plan,period,charges,threshold,topup',
      'A,10,21,weekly plan,,,,',
      'B,10,21,plan,,,,',
      'C,10,21,plan,day,1,,',
      'D,10,21,plan,month,many,5,',
      'E,20,0,auto_topup,,,20,20',
      'F,20,0,auto_topup,month,,,0',
      'G,10,21,,month,,,',
      'H,0,21,plan,month,,,',
    ].join('\n');
    const result = await manager.call('articles.import', { csv });
    expect(result.ok ? null : result.error.details).toEqual([
      { line: 2, column: 'plan', problem: 'notAPlanKind' },
      { line: 3, column: 'period', problem: 'required' },
      { line: 4, column: 'period', problem: 'notAPeriod' },
      { line: 4, column: 'charges', problem: 'outOfRange' },
      { line: 5, column: 'threshold', problem: 'notForThisKind' },
      { line: 5, column: 'charges', problem: 'notANumber' },
      { line: 6, column: 'topup', problem: 'topupNotAboveThreshold' },
      { line: 7, column: 'period', problem: 'notForThisKind' },
      { line: 7, column: 'threshold', problem: 'required' },
      { line: 7, column: 'topup', problem: 'outOfRange' },
      { line: 8, column: 'period', problem: 'notForThisKind' },
      { line: 9, column: 'price', problem: 'planNeedsPrice' },
    ]);
    const header = await manager.call('articles.import', { csv: 'name,price,vat,period\nA,10,21,month\n' });
    expect(header.ok ? null : header.error.details).toEqual([
      { line: 1, column: 'plan', problem: 'missingColumn' },
    ]);
    expect(await manager.must('articles.list', { includeInactive: true })).toEqual([]);
  });
});

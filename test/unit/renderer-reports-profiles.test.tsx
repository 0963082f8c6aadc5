// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { PaymentProfileView } from '../../shared/contract';
import { click, current, fill, renderReports, section, setUpReportsScreen } from '../support/reports-screen';

setUpReportsScreen();

const profile = (change: Partial<PaymentProfileView>): PaymentProfileView => ({
  ...{ id: 'main', shopId: 'shop-1', kind: 'display', name: 'Main bar display', ppid: 'P' },
  ...{ iban: '', ibanStatus: 'none', hasApiKey: true, live: true, environment: 'preprod' },
  trainingPpid: 'ca55a0000000000000000001',
  amountMode: null,
  ...change,
});

describe('the closing screen by shop and payment profile', () => {
  it('filters the transactions and the summary by a profile chosen by its name, shown with its PPID', async () => {
    current.station.overrides['profiles.list'] = () => ({ ok: true, value: [profile({})] });
    await renderReports();
    const options = [...section('Transactions').querySelectorAll('#tx-profileId option')].map(
      (o) => o.textContent,
    );
    expect(options).toEqual([
      'All',
      'Main bar display (P)',
      'Main bar display, training (ca55a0000000000000000001)',
    ]);
    await fill('#tx-shop', 'shop-1');
    await fill('#tx-profileId', 'P');
    await click('Show');
    expect(current.station.callsTo('reports.listTransactions').at(-1)?.input).toMatchObject({
      shopId: 'shop-1',
      profileId: 'P',
    });
    expect(current.station.callsTo('reports.getSummaries').at(-1)?.input).toEqual({
      shopId: 'shop-1',
      profileId: 'P',
    });
  });

  it('lets a manager mark a payout IBAN verified, the one shown', async () => {
    const waiting = profile({ iban: 'BE68539007547034', ibanStatus: 'toVerify' });
    current.station.overrides['profiles.list'] = () => ({ ok: true, value: [waiting] });
    current.station.overrides['profiles.verifyIban'] = () => ({
      ok: true,
      value: [{ ...waiting, ibanStatus: 'verified' }],
    });
    await renderReports();
    const panel = section('Payout IBANs to verify');
    expect(panel.textContent).toContain('BE68539007547034 · to be verified');
    await click('Mark IBAN verified', panel);
    expect(current.station.callsTo('profiles.verifyIban')[0]?.input).toEqual({
      profileId: 'main',
      payoutIban: 'BE68539007547034',
    });
    expect(section('Payout IBANs to verify')).toBeUndefined();
  });
});

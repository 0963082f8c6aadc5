import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../shared/contract';
import { methodTakesTillId, tillForCall } from '../../electron/core/devices/till-binding';

const tablet = { id: 'dev-1', tillId: 'till-2' };
const stationWindow = { id: 'station', tillId: null };

function refusedCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractFailure) return error.code;
    throw error;
  }
  return 'accepted';
}

describe("a device's till comes from its link", () => {
  it('fills a missing till with the device’s own', () => {
    expect(tillForCall(tablet, { amountCents: 250 })).toEqual({ amountCents: 250, tillId: 'till-2' });
    expect(tillForCall(tablet, undefined)).toEqual({ tillId: 'till-2' });
  });

  it('accepts its own till and refuses another with WRONG_TILL', () => {
    expect(tillForCall(tablet, { tillId: 'till-2' })).toEqual({ tillId: 'till-2' });
    expect(refusedCode(() => tillForCall(tablet, { tillId: 'till-1' }))).toBe('WRONG_TILL');
    expect(refusedCode(() => tillForCall(tablet, { tillId: 42 }))).toBe('WRONG_TILL');
  });

  it('leaves the station window, unauthenticated calls and methods without a till alone', () => {
    expect(tillForCall(stationWindow, { tillId: 'till-7' })).toEqual({ tillId: 'till-7' });
    expect(tillForCall(null, { tillId: 'till-7' })).toEqual({ tillId: 'till-7' });
    expect(tillForCall(tablet, { saleId: 's1' }, false)).toEqual({ saleId: 's1' });
    // Not an object: validation refuses it later, with the caller's own input in the message.
    expect(tillForCall(tablet, 'nonsense')).toBe('nonsense');
  });

  it('knows which methods act at one till: paying and drawers, not the transactions filter', () => {
    expect(methodTakesTillId('till.startPayment')).toBe(true);
    expect(methodTakesTillId('till.getCurrentSale')).toBe(true);
    expect(methodTakesTillId('till.payCash')).toBe(true);
    expect(methodTakesTillId('till.payWithWristband')).toBe(true);
    expect(methodTakesTillId('till.getSale')).toBe(false);
    expect(methodTakesTillId('reports.listTransactions')).toBe(false);
    expect(methodTakesTillId('no.suchMethod')).toBe(false);
  });
});

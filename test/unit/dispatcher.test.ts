import { describe, expect, it, vi } from 'vitest';
import { ContractFailure } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';
import { createDispatcher, type Caller, type Handlers } from '../../electron/core/api/dispatcher';
import { silentLogger } from '../../electron/core/logging/logger';

/** A person with this role signed in on a Manager till (the device allows everything the role does). */
const caller = (role: Role): Caller => ({
  channel: 'local-http',
  rights: { session: 'staff', role, deviceRights: 'manager', deviceKind: 'till' },
  staff: { id: `${role}-1`, name: role, role },
  device: { id: 'till-device', name: 'Till', kind: 'till', rights: 'manager', tillId: 'till-1' },
  sessionId: 's1',
});
const nobody: Caller = {
  channel: 'local-http',
  rights: { session: 'none' },
  staff: null,
  device: null,
  sessionId: null,
};

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (target, name: string) => target[name as keyof Handlers] ?? (() => ({ handled: name })),
  });
}

describe('the dispatcher', () => {
  it('answers unknown methods without running anything', async () => {
    const dispatch = createDispatcher(handlersWith({}), silentLogger);
    expect(await dispatch('till.nothing', {}, caller('cashier'))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await dispatch('__proto__', {}, caller('cashier'))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('checks the permission before the input: a financial user has no till, nobody signed in has nothing', async () => {
    const startPayment = vi.fn();
    const dispatch = createDispatcher(handlersWith({ 'till.startPayment': startPayment }), silentLogger);
    const input = { amountCents: 100, idempotencyKey: 'abcdefgh' };
    expect(await dispatch('till.startPayment', input, caller('financial'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await dispatch('till.startPayment', { amountCents: -5 }, nobody)).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    expect(startPayment).not.toHaveBeenCalled();
    expect(await dispatch('station.getStatus', {}, nobody)).toMatchObject({ ok: true });
  });

  it.each([
    [{ amountCents: 0, idempotencyKey: 'abcdefgh' }],
    [{ amountCents: -1, idempotencyKey: 'abcdefgh' }],
    [{ amountCents: 1_000_000_000_000, idempotencyKey: 'abcdefgh' }],
    [{ amountCents: 12.5, idempotencyKey: 'abcdefgh' }],
    [{ amountCents: '1250', idempotencyKey: 'abcdefgh' }],
    [{ amountCents: 1250 }],
    [null],
  ])('never lets invalid input %j reach a handler', async (input) => {
    const startPayment = vi.fn();
    const dispatch = createDispatcher(handlersWith({ 'till.startPayment': startPayment }), silentLogger);
    const result = await dispatch('till.startPayment', input, caller('cashier'));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(startPayment).not.toHaveBeenCalled();
  });

  it('passes parsed input with defaults to the handler and wraps its value', async () => {
    const listSales = vi.fn(() => []);
    const dispatch = createDispatcher(handlersWith({ 'till.listSales': listSales }), silentLogger);
    expect(await dispatch('till.listSales', {}, caller('cashier'))).toEqual({ ok: true, value: [] });
    expect(listSales).toHaveBeenCalledWith({ limit: 20 }, expect.anything());
  });

  it('turns contract failures into their code and anything else into INTERNAL without details', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'till.getSale': () => {
          throw new ContractFailure('NOT_FOUND', 'No sale x');
        },
        'till.listSales': () => {
          throw new Error('database exploded at /secret/path');
        },
      }),
      silentLogger,
    );
    expect(await dispatch('till.getSale', { saleId: 'x' }, caller('cashier'))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No sale x' },
    });
    const internal = await dispatch('till.listSales', {}, caller('cashier'));
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('/secret/path');
  });
});

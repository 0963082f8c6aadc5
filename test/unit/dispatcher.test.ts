import { describe, expect, it, vi } from 'vitest';
import { ContractFailure, type Permission } from '../../shared/contract';
import { createDispatcher, type Caller, type Handlers } from '../../electron/core/api/dispatcher';
import { silentLogger } from '../../electron/core/logger';

const caller = (...permissions: Permission[]): Caller => ({
  kind: 'local-http',
  permissions: new Set(permissions),
});

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (target, name: string) => target[name as keyof Handlers] ?? (() => ({ handled: name })),
  });
}

describe('the dispatcher', () => {
  it('answers unknown methods without running anything', async () => {
    const dispatch = createDispatcher(handlersWith({}), silentLogger);
    expect(await dispatch('till.nothing', {}, caller('view'))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await dispatch('__proto__', {}, caller('view'))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('checks the permission before the input', async () => {
    const startPayment = vi.fn();
    const dispatch = createDispatcher(handlersWith({ 'till.startPayment': startPayment }), silentLogger);
    const result = await dispatch(
      'till.startPayment',
      { amountCents: 100, idempotencyKey: 'abcdefgh' },
      caller('view'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(startPayment).not.toHaveBeenCalled();
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
    const result = await dispatch('till.startPayment', input, caller('sell'));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(startPayment).not.toHaveBeenCalled();
  });

  it('passes parsed input with defaults to the handler and wraps its value', async () => {
    const listSales = vi.fn(() => []);
    const dispatch = createDispatcher(handlersWith({ 'till.listSales': listSales }), silentLogger);
    expect(await dispatch('till.listSales', {}, caller('view'))).toEqual({ ok: true, value: [] });
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
    expect(await dispatch('till.getSale', { saleId: 'x' }, caller('view'))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No sale x' },
    });
    const internal = await dispatch('till.listSales', {}, caller('view'));
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('/secret/path');
  });
});

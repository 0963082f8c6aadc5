import { PproError } from './errors';
import { newId, newToken } from './ids';
import { checkWipAmount, validateAgreementBody, type WipLimits } from './rules';
import type { Agreement, AgreementStatus, AuthenticationMethod, Charge, Money } from './types';

type Json = Record<string, unknown>;

export interface Moment {
  ms: number;
  iso: string;
}

function authenticationMethods(baseUrl: string, agreementId: string, body: Json): AuthenticationMethod[] {
  const path = `/BEP/LA/${newToken(33)}/${newToken(33)}$${newToken(24)}`;
  const host = '1BANCONTACT.SIMULATOR.KASSA.LOCAL';
  const settings = (body.authenticationSettings as Json[] | undefined) ?? [];
  const redirect = settings.find((s) => s.type === 'REDIRECT')?.settings as Json | undefined;
  const returnUrl = encodeURIComponent(String(redirect?.returnUrl ?? ''));
  return [
    { type: 'APP_INTENT', details: { mobileIntentUri: `bepgenapp://DoTx?TransId=${host}${path}` } },
    { type: 'SCAN_CODE', details: { codeType: 'QR', codePayload: `BEP://${host}${path}` } },
    {
      type: 'REDIRECT',
      details: {
        requestUrl: `${baseUrl}/_sim/pages/${agreementId}?returnUrl=${returnUrl}`,
        requestMethod: 'GET',
      },
    },
  ];
}

export function historyEntry(status: string, at: Moment, revokedBy?: string) {
  return { id: newId('ahist'), status, createdAt: at.iso, ...(revokedBy === undefined ? {} : { revokedBy }) };
}

export function newCharge(agreement: Agreement, amount: Money, at: Moment, body: Json): Charge {
  return {
    id: newId('charge'),
    agreementId: agreement.id,
    paymentMethod: 'BANCONTACT',
    paymentMedium: 'ECOMMERCE',
    scheduleType: 'UNSCHEDULED',
    instrumentId: agreement.instrumentId,
    currency: amount.currency,
    country: agreement.consumer.country,
    amount: amount.value,
    paymentDescriptor:
      typeof body.paymentDescriptor === 'string' ? body.paymentDescriptor : 'Bancontact Simulator',
    ...(typeof body.merchantPaymentChargeReference === 'string'
      ? { merchantPaymentChargeReference: body.merchantPaymentChargeReference }
      : {}),
    status: 'AUTHENTICATION_PENDING',
    consumer: agreement.consumer,
    authorizations: [],
    captures: [],
    refunds: [],
    voids: [],
    createdAtMs: at.ms,
    createdAt: at.iso,
    updatedAt: at.iso,
  };
}

/** The agreement and its initial charge, both AUTHENTICATION_PENDING until the consumer scans and decides. */
export function createAgreement(body: unknown, at: Moment, baseUrl: string, limits: WipLimits) {
  validateAgreementBody(body);
  const request = body as Json;
  const initial = request.initialPaymentCharge as Json;
  checkWipAmount(initial.amount as Money, [], at.ms, limits);
  const id = newId('agr');
  const agreement: Agreement = {
    id,
    status: 'AUTHENTICATION_PENDING',
    ...pick(request, [
      'description',
      'merchantPaymentAgreementReference',
      'amount',
      'amountType',
      'webhooksUrl',
    ]),
    paymentMethod: 'BANCONTACT',
    ...(request.startDate === undefined
      ? {}
      : { startDate: new Date(String(request.startDate)).toISOString() }),
    instrumentId: newId('instr'),
    consumer: request.consumer as Agreement['consumer'],
    authenticationMethods: authenticationMethods(baseUrl, id, request),
    history: [historyEntry('AUTHENTICATION_PENDING', at)],
    initialPaymentChargeId: '',
    createdAt: at.iso,
    updatedAt: at.iso,
  };
  const charge = newCharge(agreement, initial.amount as Money, at, initial);
  agreement.initialPaymentChargeId = charge.id;
  return { agreement, charge };
}

function pick(source: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

/** Moves an agreement to `status`, or refuses when it is not in one of the `from` statuses. */
export function moveAgreement(
  agreement: Agreement,
  from: readonly AgreementStatus[],
  status: AgreementStatus,
  at: Moment,
  revokedBy?: string,
): Agreement {
  if (!from.includes(agreement.status))
    throw new PproError(
      409,
      'INVALID_AGREEMENT_STATUS',
      `The agreement is ${agreement.status}; this needs it to be ${from.join(' or ')}`,
    );
  return {
    ...agreement,
    status,
    history: [...agreement.history, historyEntry(status, at, revokedBy)],
    updatedAt: at.iso,
  };
}

/** The consumer's decision on the first charge: captured with an authorisation, or failed. */
export function decideCharge(charge: Charge, captured: boolean, at: Moment): Charge {
  const authorization = {
    id: newId('authz'),
    amount: charge.amount,
    status: captured ? 'AUTHORIZED' : 'FAILED',
    createdAt: at.iso,
    updatedAt: at.iso,
  };
  return {
    ...charge,
    status: captured ? 'CAPTURED' : 'FAILED',
    authorizations: [...charge.authorizations, authorization],
    captures: captured
      ? [{ id: newId('capt'), amount: charge.amount, status: 'SUCCEEDED', createdAt: at.iso }]
      : [],
    updatedAt: at.iso,
  };
}

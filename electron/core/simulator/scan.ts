import { SimError, paymentNotFound } from './errors';
import { LEGACY_PAYLOAD_HOST, parsePayload, type ScannedPayload } from './payload';
import type { PaymentService } from './payments';
import type { ProfileRegistry, SimProfile, SimProfileType } from './profiles';
import { legacyCutoverMs, type SettingsHolder } from './settings';
import type { SimClock } from './clock';
import { readTemplate, topupAmount } from './topup';
import type { SimDebtor, SimPayment } from './types';

export interface ScanDeps {
  payments: PaymentService;
  profiles: ProfileRegistry;
  clock: SimClock;
  settings: SettingsHolder;
  /** Hosts beyond the two Bancontact ones that this simulator's own codes use. */
  ownHosts: readonly string[];
}

export interface ScanRequest {
  payload: string;
  debtor?: SimDebtor;
  /** The amount the payer types, for open and modifiable top-up codes. */
  amount?: number;
}

function profileOfType(deps: ScanDeps, ppid: string, type: SimProfileType): SimProfile {
  const profile = deps.profiles.byPpid(ppid);
  if (profile?.type !== type) {
    throw new SimError(404, 'MERCHANT_PROFILE_NOT_FOUND', `No ${type} profile ${ppid}`);
  }
  return profile;
}

function checkHost(deps: ScanDeps, scanned: ScannedPayload): void {
  const cutover = legacyCutoverMs(deps.settings.get());
  if (scanned.host === LEGACY_PAYLOAD_HOST && cutover !== undefined && deps.clock.now() >= cutover) {
    throw new SimError(400, 'PAYLOAD_HOST_RETIRED', `Codes on ${LEGACY_PAYLOAD_HOST} are no longer accepted`);
  }
}

/** A sticker joins the one open payment its POS has; with none, there is nothing to pay yet. */
function scanSticker(deps: ScanDeps, ppid: string, posId: string, debtor?: SimDebtor): SimPayment {
  profileOfType(deps, ppid, 'sticker');
  const open = deps.payments.openAtPos(ppid, posId);
  if (open === undefined) throw new SimError(404, 'PAYMENT_NOT_FOUND', `No active payment at POS ${posId}`);
  return deps.payments.identify(open.paymentId, debtor);
}

/** Every scan of a top-up code creates a new payment, identified at once by the payer who scanned it. */
function scanTemplate(
  deps: ScanDeps,
  ppid: string,
  request: ScanRequest,
  scanned: ScannedPayload & { kind: 'template' },
) {
  const profile = profileOfType(deps, ppid, 'topup');
  const content = readTemplate(scanned.params);
  const amount = topupAmount(profile.topupAmountMode ?? 'open', content.amount, request.amount);
  const { description, reference } = content;
  const created = deps.payments.create(profile, {
    amount,
    currency: 'EUR',
    ...(description !== undefined && { description }),
    ...(reference !== undefined && { reference }),
  });
  return deps.payments.identify(created.paymentId, request.debtor);
}

/** What the payer's app does with a scanned code; answers the identified payment. */
export function scanPayload(deps: ScanDeps, request: ScanRequest): SimPayment {
  const scanned = parsePayload(request.payload, deps.ownHosts);
  if (scanned === undefined) {
    throw new SimError(
      400,
      'PAYLOAD_INVALID',
      'Not a Bancontact payment QR code (…/pay/2/{id}, …/l/1/{ppid}/{posId} or …/t/1/{ppid})',
    );
  }
  checkHost(deps, scanned);
  switch (scanned.kind) {
    case 'payment':
      if (deps.payments.find(scanned.paymentId) === undefined) throw paymentNotFound();
      return deps.payments.identify(scanned.paymentId, request.debtor);
    case 'sticker':
      return scanSticker(deps, scanned.ppid, scanned.posId, request.debtor);
    case 'template':
      return scanTemplate(deps, scanned.ppid, request, scanned);
  }
}

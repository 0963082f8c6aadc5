import type { MethodName } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';

/**
 * Who may call a method, written by hand from issue 11's role definitions and never read from the
 * contract: the test fails when the two disagree. A call needs both the person's role and the device's
 * rights; an Employee device "can only take payments at its till"; a customer display holds a view-only
 * session of its own.
 */
export interface Allowed {
  roles: readonly Role[];
  /** A person of one of `roles` on an Employee device may call it too. */
  employeeDevice: boolean;
  /** A customer display's own view-only session may call it. */
  display: boolean;
  /** A caller without any session may call it. */
  noSession: boolean;
}

const EVERY_ROLE: readonly Role[] = ['administrator', 'manager', 'financial', 'cashier'];

/** The status, signing in, pairing: whoever reaches the listener. */
const ANYONE: Allowed = { roles: EVERY_ROLE, employeeDevice: true, display: true, noSession: true };
/** What every screen reads, the display's included, and leaving: any session. */
const ANY_SESSION: Allowed = { roles: EVERY_ROLE, employeeDevice: true, display: true, noSession: false };
/** Selling at the till or the bar: cashiers, managers, administrators; a financial user has no till. */
const TILL: Allowed = {
  roles: ['administrator', 'manager', 'cashier'],
  employeeDevice: true,
  display: false,
  noSession: false,
};
/** Closing, drawers, wristband tools, printing, linked devices: managers, on a Manager device. */
const MANAGERS: Allowed = {
  roles: ['administrator', 'manager'],
  employeeDevice: false,
  display: false,
  noSession: false,
};
/** Reports and exports: managers and financial users. */
const FIGURES: Allowed = { ...MANAGERS, roles: ['administrator', 'manager', 'financial'] };
/** Refund files: financial users (a manager has returns at the till, not the organiser's SEPA file). */
const REFUND_FILES: Allowed = { ...MANAGERS, roles: ['administrator', 'financial'] };
/** Going live, credentials, staff, the network, settings, backups, the audit log. */
const ADMINISTRATORS: Allowed = { ...MANAGERS, roles: ['administrator'] };

/** Every contract method, listed literally: a method added to the contract and not here fails the test. */
export const MATRIX: Record<MethodName, Allowed> = {
  'station.getStatus': ANYONE,
  'station.startNewBook': ADMINISTRATORS,

  'session.get': ANYONE,
  'session.signIn': ANYONE,
  'session.createFirstAdministrator': ANYONE,
  'session.signOut': ANY_SESSION,
  // Any session reaches it; a customer display's, having no person, is then refused by the method
  // itself (test/integration/person-language.test.ts).
  'session.setMyLocale': ANY_SESSION,

  'staff.list': ADMINISTRATORS,
  'staff.create': ADMINISTRATORS,
  'staff.update': ADMINISTRATORS,
  'staff.setSecret': ADMINISTRATORS,
  'staff.block': ADMINISTRATORS,
  'staff.reactivate': ADMINISTRATORS,
  'staff.delete': ADMINISTRATORS,
  'staff.unlock': ADMINISTRATORS,
  'staff.setIdleLock': ADMINISTRATORS,

  'devices.pair': ANYONE,
  'devices.unlinkSelf': ANY_SESSION,
  // The payment sound of the device one sells at.
  'devices.getSound': TILL,
  'devices.setSound': TILL,
  'devices.list': MANAGERS,
  'devices.createPairing': MANAGERS,
  'devices.revoke': MANAGERS,
  'devices.getNetwork': ADMINISTRATORS,
  'devices.setNetwork': ADMINISTRATORS,

  'till.startPayment': TILL,
  'till.retryPayment': TILL,
  'till.cancelPayment': TILL,
  'till.cancelSale': TILL,
  'till.getSale': TILL,
  'till.listSales': TILL,
  'till.payCash': TILL,
  'till.payWithWristband': TILL,
  // The customer display follows its till's open sale.
  'till.getCurrentSale': ANY_SESSION,
  'payments.getTimeline': TILL,
  'payments.listRejectedCallbacks': MANAGERS,
  // Training mode's stand-in for the customer's phone, driven from the till.
  'training.scan': TILL,
  'training.confirm': TILL,
  'training.refuse': TILL,
  'training.topUp': TILL,

  'settings.get': ANY_SESSION,
  // The station's language, which every device starts in: an administrator's (anyone switches only their screen).
  'settings.setLocale': ADMINISTRATORS,
  'settings.getSalesSetup': ANY_SESSION,
  'settings.testConnection': ADMINISTRATORS,
  'settings.goLive': ADMINISTRATORS,
  'settings.useTraining': ADMINISTRATORS,
  'settings.setPublicUrl': ADMINISTRATORS,
  'settings.setStickerPosId': ADMINISTRATORS,
  'settings.setSalesSetup': ADMINISTRATORS,
  'settings.getLogo': ANY_SESSION,
  'settings.setLogo': ADMINISTRATORS,
  'settings.removeLogo': ADMINISTRATORS,
  'settings.listTopupProfiles': ADMINISTRATORS,
  'settings.addTopupProfile': ADMINISTRATORS,
  'settings.removeTopupProfile': ADMINISTRATORS,
  // The merchant's own key for Bancontact's Refund API (its JWKS is public; the screen is an administrator's).
  'settings.getRefundSigningKey': ADMINISTRATORS,
  'settings.rotateRefundSigningKey': ADMINISTRATORS,

  'drawer.get': TILL,
  'drawer.open': MANAGERS,
  'drawer.cashIn': MANAGERS,
  'drawer.cashOut': MANAGERS,
  'drawer.close': MANAGERS,

  'reports.closeDay': MANAGERS,
  'reports.listTransactions': FIGURES,
  'reports.getTransaction': FIGURES,
  'reports.getSummaries': FIGURES,
  'reports.getX': FIGURES,
  'reports.getZ': FIGURES,
  'reports.listZ': FIGURES,
  'reports.exportCsv': FIGURES,
  'reports.exportPdf': FIGURES,
  'reports.rebuildTotals': ADMINISTRATORS,

  'wristbands.get': TILL,
  'wristbands.block': MANAGERS,
  'wristbands.moveBalance': MANAGERS,
  'topup.listAttention': MANAGERS,
  'topup.resolveAttention': MANAGERS,
  'topup.getLiability': FIGURES,
  'topup.getEvent': ANY_SESSION,
  'topup.endEvent': MANAGERS,
  'topup.reopenEvent': MANAGERS,
  'refunds.list': REFUND_FILES,
  'refunds.prepare': REFUND_FILES,
  'refunds.export': REFUND_FILES,

  'topup.listProfiles': MANAGERS,
  'topup.createBatch': MANAGERS,
  'topup.reissueBatch': MANAGERS,
  'topup.listBatches': MANAGERS,
  'topup.exportCode': MANAGERS,
  'stickers.fixedPdf': MANAGERS,
  'stickers.configurable': MANAGERS,
  'stickers.reissue': MANAGERS,

  // Shops' payment profiles: set up and taken live by an administrator; a manager reads them and
  // marks an IBAN verified; cashiers see none of it.
  'profiles.list': MANAGERS,
  'profiles.add': ADMINISTRATORS,
  'profiles.update': ADMINISTRATORS,
  'profiles.setApiKey': ADMINISTRATORS,
  'profiles.remove': ADMINISTRATORS,
  'profiles.testConnection': ADMINISTRATORS,
  'profiles.goLive': ADMINISTRATORS,
  'profiles.verifyIban': MANAGERS,
  'jobs.get': MANAGERS,
  'jobs.cancel': MANAGERS,

  // Any session sees whether its books are safe; the rest is the administrator's.
  'backups.getStatus': ANY_SESSION,
  'backups.list': ADMINISTRATORS,
  'backups.runNow': ADMINISTRATORS,
  'backups.setFolder': ADMINISTRATORS,
  'backups.setInterval': ADMINISTRATORS,
  'backups.restore': ADMINISTRATORS,
  'restore.getLast': MANAGERS,

  'audit.list': ADMINISTRATORS,
  'audit.listActions': ADMINISTRATORS,
  'audit.verify': ADMINISTRATORS,
  'audit.export': ADMINISTRATORS,

  // Every session reads the catalogue (tills and bars sell from it); managers keep it.
  'articles.list': ANY_SESSION,
  'articles.save': MANAGERS,
  'articles.import': MANAGERS,
  'articles.export': MANAGERS,

  // The Agreements screen: managers, as for revoking an agreement or refunding a charge.
  'agreements.list': MANAGERS,
  'agreements.detail': MANAGERS,

  // A receipt is the till's (view, reprint, PDF); every screen may show the printer's state.
  'receipts.get': TILL,
  'receipts.reprint': TILL,
  'receipts.exportPdf': TILL,
  'receipts.queue': ANY_SESSION,
  'printers.list': ADMINISTRATORS,
  'printers.save': ADMINISTRATORS,
  'printers.remove': ADMINISTRATORS,
  'printers.setTill': ADMINISTRATORS,
  'printers.testPage': ADMINISTRATORS,
  // Returns of past sales: a manager's, from Closing (a cashier gives nothing back).
  'returns.get': MANAGERS,
  'returns.refund': MANAGERS,
  'returns.payByIban': MANAGERS,

  // Every person has an inbox; what is in it follows the methods that act on each message. A customer
  // display's session reaches it and finds it empty.
  'inbox.list': ANY_SESSION,
  'inbox.unreadCount': ANY_SESSION,
  'inbox.markRead': ANY_SESSION,
  'inbox.markAllRead': ANY_SESSION,

  // E-mailed charge receipts: the SMTP server is an administrator's; the outbox a manager's too, as the
  // inbox tells both when receipts stay unsent.
  'mail.getSettings': ADMINISTRATORS,
  'mail.saveSettings': ADMINISTRATORS,
  'mail.sendTest': ADMINISTRATORS,
  'mail.outbox': MANAGERS,
  'mail.retryNow': MANAGERS,
  'charges.retryPolicy': MANAGERS,
  'charges.setRetryPolicy': ADMINISTRATORS,
  'agreements.revoke': MANAGERS,
  'agreements.startAtTill': TILL,
  'agreements.getForTill': ANY_SESSION,
  'agreements.cancelAtTill': TILL,
  'training.authoriseAgreement': TILL,
  'training.refuseAgreement': TILL,
  'ppro.getSettings': ADMINISTRATORS,
  'ppro.saveSettings': ADMINISTRATORS,
  'ppro.testConnection': ADMINISTRATORS,
  'agreements.refundCharge': MANAGERS,
};

import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract';
import type { DrawerView } from '../../../shared/contract/report-views';

/**
 * How a call of one method is written to the audit log. The action is the method's name; the input
 * goes in the detail with every secret-named field left out (secret-fields.ts), so rules only add
 * what the input does not say: the subject, and facts from the answer.
 */
export interface AuditRule<M extends MethodName> {
  /** What the call was about; `output` is undefined when the call was refused. */
  subject?: (input: ParsedInput<M>, output: MethodOutput<M> | undefined) => string | null;
  /** Facts from a successful call's answer. */
  detail?: (output: MethodOutput<M>) => Record<string, unknown>;
}

export type AuditRules = { [M in MethodName]?: AuditRule<M> };

/** What a drawer's answer adds: which drawer, and where its count stands. */
const drawerDetail = (view: DrawerView) => ({
  drawerId: view.id,
  expectedCents: view.expectedCents,
  countedCents: view.countedCents,
  differenceCents: view.differenceCents,
});
const tillOf = (input: { tillId: string }) => input.tillId;

/**
 * The methods every call of which is audited, done or refused: money leaving the books' normal path,
 * closing, credentials and modes, the station's files. Reads (lists, `drawer.get`) are not: the log
 * is for acts. Sign-ins, locks, staff and devices are written by their services through the AuditSink.
 */
export const AUDITED_METHODS: AuditRules = {
  'reports.closeDay': {
    subject: (input, output) => (output ? `Z ${output.number}` : (input.date ?? null)),
    detail: (z) => ({ businessDate: z.businessDate, salesCents: z.sales.cents, sales: z.sales.count }),
  },
  'reports.rebuildTotals': {},
  // An open sale cancelled: the tenders already taken go back to the customer.
  'till.cancelSale': {
    subject: (input) => input.saleId,
    detail: (sale) => ({
      status: sale.status,
      amountCents: sale.amountCents,
      tenders: sale.tenders?.length ?? 0,
    }),
  },
  'refunds.export': {
    subject: (_input, output) => output?.exportId ?? null,
    detail: (file) => ({ count: file.count, totalCents: file.totalCents }),
  },
  'wristbands.block': {
    subject: (input, output) => output?.id ?? input.wristbandId,
    detail: (band) => ({ status: band.status, balanceCents: band.balanceCents }),
  },
  'wristbands.moveBalance': {
    subject: (input, output) =>
      output ? `${output.from.id} → ${output.to.id}` : `${input.fromId} → ${input.toId}`,
    detail: (moved) => ({ movedCents: moved.to.balanceCents }),
  },
  // A manual credit: a top-up Bancontact received that a manager credits to a wristband by hand.
  'topup.resolveAttention': {
    subject: (input, output) => output?.resolvedTo ?? input.wristbandId,
    detail: (credit) => ({ bancontactId: credit.bancontactId, amountCents: credit.amountCents }),
  },
  'topup.endEvent': {},
  'topup.reopenEvent': {},
  // Credentials: the environment and ppid are recorded, the API key never (it is a secret-named field).
  'settings.goLive': { subject: (input) => input.environment, detail: (view) => ({ mode: view.mode }) },
  'settings.testConnection': { subject: (input) => input.environment },
  'settings.useTraining': {},
  'settings.setPublicUrl': {},
  // A new refund signing key: Bancontact refuses refunds until the merchant hands it the new JWKS.
  'settings.rotateRefundSigningKey': {
    subject: (_input, output) => output?.ppid ?? null,
    detail: (key) => ({ kid: key.kid, retiredKids: key.retiredKids }),
  },
  'settings.setStickerPosId': {},
  'settings.setSalesSetup': {},
  'settings.removeLogo': {},
  'settings.addTopupProfile': { subject: (input) => input.ppid },
  // The receipt printers: where receipts go and which till's cash drawer a pulse opens.
  'printers.save': { subject: (input) => input.id ?? input.name },
  'printers.remove': { subject: (input) => input.printerId },
  'printers.setTill': { subject: (input) => input.tillId },
  // Money given back on a past sale, and a refund the Refund API would not take paid by SEPA file.
  'returns.refund': {
    subject: (input) => input.saleId,
    detail: (refund) => ({ refundId: refund.id, method: refund.method, amountCents: refund.amountCents }),
  },
  'returns.payByIban': {
    subject: (input, output) => output?.refund.saleId ?? String(input.refundId),
    detail: (paid) => ({ refundId: paid.refund.id, amountCents: paid.refund.amountCents }),
  },
  'settings.removeTopupProfile': { subject: (input) => input.ppid },
  // Shops' payment profiles: the profile is the subject; an API key never reaches the log.
  'profiles.add': { subject: (input) => `${input.shopId} ${input.kind} ${input.ppid}` },
  'profiles.update': { subject: (input) => input.profileId },
  'profiles.setApiKey': { subject: (input) => input.profileId },
  'profiles.remove': { subject: (input) => input.profileId },
  'profiles.testConnection': { subject: (input) => `${input.profileId} ${input.environment}` },
  'profiles.goLive': { subject: (input) => `${input.profileId} ${input.environment}` },
  'profiles.verifyIban': { subject: (input) => input.profileId },
  'backups.restore': {
    subject: (input) => input.fileName,
    detail: (done) => ({ databaseFile: done.databaseFile, movedAside: done.movedAside, lostZ: done.lostZ }),
  },
  'backups.runNow': {},
  'backups.setFolder': {},
  'backups.setInterval': {},
  'station.startNewBook': {
    subject: (input) => input.databaseFile,
    detail: (book) => ({ movedAside: book.movedAside, nextZNumber: book.nextZNumber }),
  },
  'drawer.open': { subject: tillOf, detail: drawerDetail },
  'drawer.cashIn': { subject: tillOf, detail: drawerDetail },
  'drawer.cashOut': { subject: tillOf, detail: drawerDetail },
  'drawer.close': { subject: tillOf, detail: drawerDetail },
  'audit.export': {},
  // The catalogue: what the tills charge. An import's file is in the detail only as its first 200 characters.
  'articles.save': {
    subject: (input, output) => output?.name ?? input.name,
    detail: (article) => ({ articleId: article.id, priceCents: article.priceCents, active: article.active }),
  },
  'articles.import': { detail: (done) => ({ ...done }) },
  // Who saw a warning (a day left without its Z, a failed backup) and marked it read, and when.
  'inbox.markRead': { subject: (input) => input.key },
  'inbox.markAllRead': { detail: (count) => ({ unread: count.unread }) },
  // The SMTP server receipts go through: the password is a secret-named field and never logged.
  'mail.saveSettings': {
    subject: (input) => input.smtpHost || null,
    detail: (view) => ({ hasPassword: view.hasPassword, configured: view.configured }),
  },
  'mail.sendTest': { detail: (test) => ({ sent: test.sent, problem: test.problem }) },
  // The merchant's PPRO account: the API key is a secret-named field and never logged.
  'ppro.saveSettings': {
    subject: (input) => input.merchantId,
    detail: (view) => ({ hasApiKey: view.hasApiKey, configured: view.configured }),
  },
  'ppro.testConnection': { detail: (test) => ({ ok: test.ok, problem: test.problem }) },
  // Charges on payment agreements: a manager stops an agreement or gives a charge back; an
  // administrator changes how failed charges are tried again.
  'agreements.revoke': {
    subject: (input) => input.agreementId,
    detail: (done) => ({ revokedBy: done.revokedBy }),
  },
  'agreements.refundCharge': {
    subject: (input) => input.chargeId,
    detail: (refund) => ({ refundId: refund.refundId, refundStatus: refund.refundStatus }),
  },
  'charges.setRetryPolicy': { detail: (policy) => ({ delaysMinutes: policy.delaysMinutes }) },
};

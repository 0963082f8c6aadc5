import { z } from 'zod';
import { out } from './method-spec';

/*
 * E-mailed receipts (issue 15, seed 004): the merchant's SMTP server, the contact every receipt names
 * for refunds and stopping payments, a test e-mail, and the outbox of charge receipts (docs/agreements.md).
 */

export const MAIL_SECURITIES = ['none', 'starttls', 'tls'] as const;
export type MailSecurity = (typeof MAIL_SECURITIES)[number];

/** The SMTP settings as the screens see them: whether a password is stored, never the password. */
export interface MailSettingsView {
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: MailSecurity;
  smtpUser: string;
  hasPassword: boolean;
  fromAddress: string;
  contactEmail: string;
  contactPhone: string;
  /** A host and a From address are set: receipts can be sent. */
  configured: boolean;
}

/**
 * Why an e-mail did not go: `auth` the server refused the user or password; `refused` it refused the
 * sender or recipient; `unreachable` no server answered there; `tls` the secure connection failed;
 * `timeout` it stopped answering; `not_configured` no SMTP settings; `other` anything else (its reply).
 */
export const MAIL_PROBLEMS = [
  'auth',
  'refused',
  'unreachable',
  'tls',
  'timeout',
  'not_configured',
  'other',
] as const;
export type MailProblem = (typeof MAIL_PROBLEMS)[number];

export interface MailTestView {
  sent: boolean;
  problem: MailProblem | null;
  /** The server's own words (its reply line), or the network error; never a password. */
  serverReply: string | null;
}

/** A charge whose receipt has not reached the mail server yet. */
export interface UnmailedReceiptView {
  chargeId: string;
  agreementId: string;
  description: string;
  amountCents: number;
  capturedAt: string;
  attempts: number;
  /** no_email: the agreement has no consumer e-mail; otherwise the last failure's problem, or null. */
  problem: MailProblem | 'no_email' | null;
  lastError: string | null;
}

export interface MailOutboxView {
  configured: boolean;
  waiting: UnmailedReceiptView[];
}

const email = z.string().trim().max(254).email();
const optionalEmail = z.union([z.literal(''), email]);

/** What Settings sends: `password` absent keeps the stored one, `clearPassword` removes it. */
export const mailSettingsInput = z
  .object({
    smtpHost: z
      .string()
      .trim()
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]-]*$/, 'a host name or an IP address'),
    smtpPort: z.number().int().min(1).max(65_535),
    smtpSecurity: z.enum(MAIL_SECURITIES),
    smtpUser: z.string().trim().max(254),
    password: z.string().min(1).max(500).optional(),
    clearPassword: z.boolean().default(false),
    fromAddress: optionalEmail,
    contactEmail: optionalEmail,
    contactPhone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9+() ./-]*$/, 'a phone number'),
  })
  .strict();
export type MailSettingsInput = z.infer<typeof mailSettingsInput>;

const nothing = z.object({}).strict();

export const mailMethods = {
  'mail.getSettings': { permission: 'administer', input: nothing, output: out<MailSettingsView>() },
  'mail.saveSettings': {
    permission: 'administer',
    input: mailSettingsInput,
    output: out<MailSettingsView>(),
  },
  /** Sends a test e-mail to `testRecipient` with the settings as typed (the stored password when none is typed). */
  'mail.sendTest': {
    permission: 'administer',
    input: z.object({ testRecipient: email, settings: mailSettingsInput }).strict(),
    output: out<MailTestView>(),
  },
  /** The charge receipts not mailed yet; managers see them too (the inbox points here). */
  'mail.outbox': { permission: 'close', input: nothing, output: out<MailOutboxView>() },
  /** Tries the waiting receipts now instead of at their next attempt. */
  'mail.retryNow': { permission: 'close', input: nothing, output: out<MailOutboxView>() },
} as const;

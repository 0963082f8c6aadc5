import { createTransport } from 'nodemailer';
import type { MailProblem, MailSecurity } from '../../../shared/contract/mail-methods';

/** What nodemailer needs of the merchant's server; the password only ever travels to that server. */
export interface SmtpServer {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  password: string | null;
  from: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A mail the server did not take, sorted so the screens can say why in the user's language. */
export class MailFailure extends Error {
  constructor(
    readonly problem: MailProblem,
    /** The server's reply line or the network error, with the password taken out should it appear. */
    readonly serverReply: string,
  ) {
    super(`${problem}: ${serverReply}`);
    this.name = 'MailFailure';
  }
}

export interface SendTimings {
  timeoutMs?: number;
}

/**
 * Sends one mail and answers once the server took it (its 250 after the data). A fresh connection per
 * mail: receipts come a few at a time, and a pooled connection would outlive a changed password.
 */
export async function sendMail(server: SmtpServer, mail: OutgoingMail, timings: SendTimings = {}) {
  const timeoutMs = timings.timeoutMs ?? 15_000;
  const transport = createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: server.user ? { user: server.user, pass: server.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Nothing nodemailer logs could then carry a password or a consumer's address.
    logger: false,
    debug: false,
  });
  try {
    const info = await transport.sendMail({ from: server.from, ...mail });
    return { serverReply: String(info.response ?? '') };
  } catch (error) {
    throw toMailFailure(error, server.password);
  } finally {
    transport.close();
  }
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** nodemailer's error codes (EAUTH, ECONNECTION, ETIMEDOUT, ETLS, EENVELOPE …) sorted into problems. */
export function toMailFailure(error: unknown, password: string | null): MailFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const reply = scrub(e.response ?? e.message ?? String(error), password);
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code;
  const code = e.code ?? '';
  if (code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 534)
    return new MailFailure('auth', reply);
  if (code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? '')) return new MailFailure('timeout', reply);
  if (code === 'ETLS' || /TLS|SSL|certificate/i.test(e.message ?? '')) return new MailFailure('tls', reply);
  const network = [...NETWORK_CODES].some((c) => (e.message ?? '').includes(c));
  if (code === 'EDNS' || network || NETWORK_CODES.has(cause ?? code))
    return new MailFailure('unreachable', reply);
  if (code === 'EENVELOPE' || code === 'EMESSAGE' || (e.responseCode ?? 0) >= 500)
    return new MailFailure('refused', reply);
  return new MailFailure('other', reply);
}

function scrub(text: string, password: string | null): string {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  return password ? line.split(password).join('***') : line;
}

import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/*
 * A real SMTP server on 127.0.0.1 for tests (smtp-server), which asks for a login and keeps every mail
 * it took, parsed (mailparser). A wrong user or password is refused with 535, as a merchant's server
 * would; `stop()` and `start()` again on the same port make a server that is down, then back.
 */

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  user?: string;
  password?: string;
  port?: number;
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly user: string;
  readonly password: string;
  /** Every login tried, the password included: the test checks what really reached the server. */
  readonly logins: Array<{ user: string; password: string; accepted: boolean }> = [];
  port = 0;
  private server: SMTPServer | null = null;
  private waiters: Array<() => void> = [];

  constructor(options: SmtpSinkOptions = {}) {
    this.user = options.user ?? 'kassa@shop.test';
    this.password = options.password ?? 'sink-Password-1';
    this.port = options.port ?? 0;
  }

  async start(): Promise<this> {
    const server = new SMTPServer({
      secure: false,
      // Plain connections on the loopback: the station's "none" security, no certificate to make.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        const accepted = auth.username === this.user && auth.password === this.password;
        this.logins.push({ user: auth.username ?? '', password: auth.password ?? '', accepted });
        if (!accepted) return callback(new Error('Authentication failed'));
        return callback(null, { user: auth.username });
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              parsed,
            });
            callback();
            for (const wake of this.waiters.splice(0)) wake();
          })
          .catch((error: Error) => callback(error));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `count` mails in all have arrived, or fails after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the SMTP sink got ${this.received.length} mails, not ${count}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
    return this.received;
  }
}

import type {
  MailSettingsInput,
  MailSettingsView,
  MailTestView,
} from '../../../shared/contract/mail-methods';
import type { Locale } from '../../../shared/domain/money';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsFile, StoredSettings } from '../settings/settings-file';
import { MailFailure, sendMail, type SendTimings, type SmtpServer } from './smtp-send';

/** The secret store's entry of the SMTP password: it goes to the mail server and nowhere else. */
export const SMTP_PASSWORD_SECRET = 'mail.smtpPassword';

type StoredMail = NonNullable<StoredSettings['mail']>;

const EMPTY: StoredMail = {
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  from: '',
  contactEmail: '',
  contactPhone: '',
};

/** The merchant's contact for refunds and stopping payments, as every receipt names it. */
export interface MerchantContact {
  email: string;
  phone: string;
}

export interface MailSettingsDeps {
  file: SettingsFile;
  secrets: SecretStore;
  /** The language the test e-mail is written in. */
  locale: () => Locale;
  /** The settings changed: the outbox tries what waits at once. */
  changed?: () => void;
  timings?: SendTimings;
}

/**
 * The SMTP settings, in the settings (shared by a site's stations) with the password in the secret
 * store; answered with `hasPassword` only.
 */
export class MailSettings {
  constructor(private readonly deps: MailSettingsDeps) {}

  view(): MailSettingsView {
    const stored = this.stored();
    return {
      ...{ smtpHost: stored.host, smtpPort: stored.port, smtpSecurity: stored.security },
      ...{ smtpUser: stored.user, fromAddress: stored.from },
      hasPassword: this.deps.secrets.get(SMTP_PASSWORD_SECRET) !== null,
      contactEmail: stored.contactEmail,
      contactPhone: stored.contactPhone,
      configured: isConfigured(stored),
    };
  }

  save(input: MailSettingsInput): MailSettingsView {
    const { password, clearPassword } = input;
    this.deps.file.update({ mail: storedOf(input) });
    if (password !== undefined) this.deps.secrets.set(SMTP_PASSWORD_SECRET, password);
    else if (clearPassword) this.deps.secrets.delete(SMTP_PASSWORD_SECRET);
    this.deps.changed?.();
    return this.view();
  }

  /** The server to send through, or null while no host or From address is set. */
  current(): SmtpServer | null {
    const stored = this.stored();
    return isConfigured(stored) ? this.server(stored) : null;
  }

  contact(): MerchantContact {
    const { contactEmail, contactPhone } = this.stored();
    return { email: contactEmail, phone: contactPhone };
  }

  /** A short mail with the settings as typed; what the server answered, sorted for the screen. */
  async sendTest(to: string, typed: MailSettingsInput): Promise<MailTestView> {
    const { password, clearPassword } = typed;
    const mail = storedOf(typed);
    if (!isConfigured(mail)) return { sent: false, problem: 'not_configured', serverReply: null };
    const stored = clearPassword ? null : this.deps.secrets.get(SMTP_PASSWORD_SECRET);
    const server: SmtpServer = { ...this.server(mail), password: password ?? stored };
    const text = TEST_TEXT[this.deps.locale()];
    try {
      const { serverReply } = await sendMail(
        server,
        { to, subject: text.subject, text: text.body, html: `<p>${text.body}</p>` },
        this.deps.timings,
      );
      return { sent: true, problem: null, serverReply };
    } catch (error) {
      if (error instanceof MailFailure)
        return { sent: false, problem: error.problem, serverReply: error.serverReply };
      throw error;
    }
  }

  private stored(): StoredMail {
    return { ...EMPTY, ...(this.deps.file.read().mail ?? {}) };
  }

  private server(mail: Omit<StoredMail, 'contactEmail' | 'contactPhone'>): SmtpServer {
    const { host, port, security, user, from } = mail;
    return { host, port, security, user, from, password: this.deps.secrets.get(SMTP_PASSWORD_SECRET) };
  }
}

/** The contract's field names to the stored ones. */
function storedOf(input: MailSettingsInput): StoredMail {
  return {
    ...{ host: input.smtpHost, port: input.smtpPort, security: input.smtpSecurity, user: input.smtpUser },
    ...{ from: input.fromAddress, contactEmail: input.contactEmail, contactPhone: input.contactPhone },
  };
}

function isConfigured(mail: { host: string; from: string }): boolean {
  return mail.host.trim() !== '' && mail.from.trim() !== '';
}

const TEST_TEXT: Record<Locale, { subject: string; body: string }> = {
  nl: {
    subject: 'Kassa: test-e-mail',
    body: 'Deze e-mail bevestigt dat Kassa kwitanties via uw mailserver kan versturen.',
  },
  fr: {
    subject: 'Kassa : e-mail de test',
    body: 'Cet e-mail confirme que Kassa peut envoyer des reçus par votre serveur de messagerie.',
  },
  en: {
    subject: 'Kassa: test e-mail',
    body: 'This e-mail confirms that Kassa can send receipts through your mail server.',
  },
};

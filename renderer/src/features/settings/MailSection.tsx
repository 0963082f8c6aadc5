import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_SECURITIES, type MailTestView } from '../../../../shared/contract/mail-methods';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../i18n/error-text';
import { formOf, useMailSettings, type MailForm, type MailSettingsState } from './use-mail-settings';

/**
 * Settings → E-mailed receipts (administrators): the merchant's SMTP server, the contact each receipt
 * names for refunds and stopping payments, a test e-mail that says why the server refused, and the
 * receipts still waiting. The password is typed, never shown: the station says only whether one is kept.
 */
export function MailSection() {
  const { t } = useTranslation();
  const mail = useMailSettings();
  const { view, error } = mail;
  // A manager may not see the mail server, but is told of receipts waiting and may try them again.
  if (!view && error?.code === 'FORBIDDEN') return <WaitingOnly mail={mail} />;
  return (
    <section className="settings-section" aria-labelledby="mail-title" data-testid="mail-settings">
      <h2 id="mail-title">{t('mail.title')}</h2>
      <p className="muted">{t('mail.explained')}</p>
      {view && !view.configured && <p className="alert">{t('mail.notConfigured')}</p>}
      {error && <ErrorAlert error={error} />}
      {/* A new form from each answer: what was saved shows, and a typed password is not kept. */}
      <MailFormFields key={JSON.stringify(view)} mail={mail} />
      <Waiting mail={mail} />
    </section>
  );
}

function MailFormFields({ mail }: { mail: MailSettingsState }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<MailForm>(() => formOf(mail.view));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<MailForm>) => setForm((current) => ({ ...current, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    await mail.save(form);
    setBusy(false);
  };
  return (
    <>
      <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
        <ServerFields form={form} set={set} hasPassword={mail.view?.hasPassword ?? false} />
        <h3>{t('mail.contactTitle')}</h3>
        <label htmlFor="mail-contact-email">{t('mail.contactEmail')}</label>
        <input
          id="mail-contact-email"
          type="email"
          value={form.contactEmail}
          onChange={(e) => set({ contactEmail: e.target.value })}
        />
        <label htmlFor="mail-contact-phone">{t('mail.contactPhone')}</label>
        <input
          id="mail-contact-phone"
          type="tel"
          value={form.contactPhone}
          onChange={(e) => set({ contactPhone: e.target.value })}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('mail.save')}
          </button>
        </div>
        {mail.saved && (
          <p className="ok" role="status">
            {t('mail.saved')}
          </p>
        )}
      </form>
      <TestMail mail={mail} form={form} />
    </>
  );
}

function ServerFields({
  form,
  set,
  hasPassword,
}: {
  form: MailForm;
  set: (patch: Partial<MailForm>) => void;
  hasPassword: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="mail-host">{t('mail.host')}</label>
      <input id="mail-host" value={form.smtpHost} onChange={(e) => set({ smtpHost: e.target.value })} />
      <label htmlFor="mail-port">{t('mail.port')}</label>
      <input
        id="mail-port"
        inputMode="numeric"
        value={form.portText}
        onChange={(e) => set({ portText: e.target.value })}
      />
      <label htmlFor="mail-security">{t('mail.security')}</label>
      <select
        id="mail-security"
        value={form.smtpSecurity}
        onChange={(e) => set({ smtpSecurity: e.target.value as MailForm['smtpSecurity'] })}
      >
        {MAIL_SECURITIES.map((security) => (
          <option key={security} value={security}>
            {t(`mail.securities.${security}`)}
          </option>
        ))}
      </select>
      <label htmlFor="mail-user">{t('mail.user')}</label>
      <input
        id="mail-user"
        autoComplete="off"
        value={form.smtpUser}
        onChange={(e) => set({ smtpUser: e.target.value })}
      />
      <label htmlFor="mail-password">{t('mail.password')}</label>
      <input
        id="mail-password"
        type="password"
        autoComplete="new-password"
        value={form.password}
        aria-describedby="mail-password-state"
        onChange={(e) => set({ password: e.target.value, clearPassword: false })}
      />
      <p id="mail-password-state" className="muted">
        {hasPassword ? t('mail.passwordStored') : t('mail.passwordNone')}
      </p>
      {hasPassword && (
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={form.clearPassword}
            onChange={(e) => set({ clearPassword: e.target.checked, password: '' })}
          />
          {t('mail.clearPassword')}
        </label>
      )}
      <label htmlFor="mail-from">{t('mail.from')}</label>
      <input
        id="mail-from"
        type="email"
        value={form.fromAddress}
        onChange={(e) => set({ fromAddress: e.target.value })}
      />
    </>
  );
}

type TestOutcome = { view: MailTestView; to: string } | { error: string } | null;

/** The test e-mail with the settings as typed, and the server's verdict in the user's language. */
function TestMail({ mail, form }: { mail: MailSettingsState; form: MailForm }) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome>(null);
  const send = async () => {
    setBusy(true);
    setOutcome(null);
    const answer = await mail.test(to.trim(), form);
    setBusy(false);
    setOutcome(answer.view ? { view: answer.view, to: to.trim() } : { error: errorText(t, answer.error!) });
  };
  return (
    <div className="settings-form" role="group" aria-labelledby="mail-test-title">
      <h3 id="mail-test-title">{t('mail.testTitle')}</h3>
      <label htmlFor="mail-test-to">{t('mail.testTo')}</label>
      <input id="mail-test-to" type="email" value={to} onChange={(e) => setTo(e.target.value)} />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void send()}>
          {busy ? t('mail.testing') : t('mail.test')}
        </button>
      </div>
      {outcome && 'error' in outcome && (
        <p className="alert" role="alert">
          {outcome.error}
        </p>
      )}
      {outcome && 'view' in outcome && outcome.view.sent && (
        <p className="ok" role="status">
          {t('mail.testSent', { to: outcome.to })}
        </p>
      )}
      {outcome && 'view' in outcome && !outcome.view.sent && (
        <p className="alert" role="alert">
          {t(`mail.problems.${outcome.view.problem ?? 'other'}`)}
          {outcome.view.serverReply && ` ${t('mail.serverSaid', { reply: outcome.view.serverReply })}`}
        </p>
      )}
    </div>
  );
}

function Waiting({ mail }: { mail: MailSettingsState }) {
  const { t } = useTranslation();
  const count = mail.outbox?.waiting.length ?? 0;
  if (count === 0 && !mail.retryError) return null;
  return (
    <>
      {mail.retryError && <ErrorAlert error={mail.retryError} />}
      {count > 0 && (
        <div className="form-actions" data-testid="mail-waiting">
          <p>{t('mail.waiting', { count })}</p>
          <button type="button" className="button" onClick={() => void mail.retry()}>
            {t('mail.retry')}
          </button>
        </div>
      )}
    </>
  );
}

function WaitingOnly({ mail }: { mail: MailSettingsState }) {
  const { t } = useTranslation();
  if (!mail.outbox || mail.outbox.waiting.length === 0) return null;
  return (
    <section className="settings-section" aria-labelledby="mail-title" data-testid="mail-settings">
      <h2 id="mail-title">{t('mail.title')}</h2>
      <Waiting mail={mail} />
    </section>
  );
}

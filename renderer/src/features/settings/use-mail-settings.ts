import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type {
  MailOutboxView,
  MailSecurity,
  MailSettingsView,
  MailTestView,
} from '../../../../shared/contract/mail-methods';
import { call } from '../../api/client';

/** The form as typed: the port as text (the station names it when it is no number), the password apart. */
export interface MailForm {
  smtpHost: string;
  portText: string;
  smtpSecurity: MailSecurity;
  smtpUser: string;
  password: string;
  clearPassword: boolean;
  fromAddress: string;
  contactEmail: string;
  contactPhone: string;
}

export function formOf(view: MailSettingsView | null): MailForm {
  return {
    smtpHost: view?.smtpHost ?? '',
    portText: String(view?.smtpPort ?? 587),
    smtpSecurity: view?.smtpSecurity ?? 'starttls',
    smtpUser: view?.smtpUser ?? '',
    password: '',
    clearPassword: false,
    fromAddress: view?.fromAddress ?? '',
    contactEmail: view?.contactEmail ?? '',
    contactPhone: view?.contactPhone ?? '',
  };
}

/** What the station takes: an empty password keeps the stored one; a port that is no number goes as NaN. */
export function inputOf(form: MailForm) {
  const { portText, password, ...rest } = form;
  const smtpPort = portText.trim() === '' ? 587 : Number(portText);
  return { ...rest, smtpPort, ...(password === '' ? {} : { password }) };
}

/** Settings → E-mailed receipts: the stored settings, saving, the test e-mail and the receipts waiting. */
export function useMailSettings() {
  const [view, setView] = useState<MailSettingsView | null>(null);
  const [outbox, setOutbox] = useState<MailOutboxView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  // Apart from the settings' error: a manager's failed retry must not read as settings to show.
  const [retryError, setRetryError] = useState<ContractError | null>(null);
  const readOutbox = useCallback(async () => {
    const result = await call('mail.outbox', {});
    if (result.ok) setOutbox(result.value);
  }, []);
  useEffect(() => {
    void call('mail.getSettings', {}).then((result) => {
      if (result.ok) setView(result.value);
      setError(result.ok ? null : result.error);
    });
    void call('mail.outbox', {}).then((result) => {
      if (result.ok) setOutbox(result.value);
    });
  }, []);
  return {
    view,
    outbox,
    error,
    saved,
    save: async (form: MailForm): Promise<boolean> => {
      const result = await call('mail.saveSettings', inputOf(form));
      setError(result.ok ? null : result.error);
      setSaved(result.ok);
      if (result.ok) setView(result.value);
      void readOutbox();
      return result.ok;
    },
    test: async (testRecipient: string, form: MailForm) => {
      const result = await call('mail.sendTest', { testRecipient, settings: inputOf(form) });
      return result.ok
        ? { view: result.value as MailTestView, error: null }
        : { view: null, error: result.error };
    },
    retryError,
    retry: async () => {
      const result = await call('mail.retryNow', {});
      setRetryError(result.ok ? null : result.error);
      if (result.ok) setOutbox(result.value);
    },
  };
}

export type MailSettingsState = ReturnType<typeof useMailSettings>;

// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailSettingsView, MailTestView } from '../../shared/contract/mail-methods';
import type { Locale } from '../../shared/domain/money';
import { MailSection } from '../../renderer/src/features/settings/MailSection';
import { createI18n } from '../../renderer/src/i18n';
import { fakeStation, flush, ok } from '../support/renderer-app';

let root: Root | null = null;
let container: HTMLElement;

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  container.remove();
});

const EMPTY: MailSettingsView = {
  ...{ smtpHost: '', smtpPort: 587, smtpSecurity: 'starttls', smtpUser: '', hasPassword: false },
  ...{ fromAddress: '', contactEmail: '', contactPhone: '', configured: false },
};

/** A station that keeps the settings as mail.* does: the password kept apart, only `hasPassword` told. */
function mailStation(test: MailTestView = { sent: true, problem: null, serverReply: '250 OK' }) {
  let view = { ...EMPTY };
  return fakeStation({
    'mail.getSettings': () => ok(view),
    'mail.outbox': () => ok({ configured: view.configured, waiting: [] }),
    'mail.saveSettings': (input) => {
      const { password, clearPassword, ...rest } = input as Record<string, unknown>;
      const hasPassword = password !== undefined || (view.hasPassword && clearPassword !== true);
      view = { ...(rest as unknown as MailSettingsView), hasPassword, configured: rest.smtpHost !== '' };
      return ok(view);
    },
    'mail.sendTest': () => ok(test),
  });
}

async function render(locale: Locale = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <MailSection />
      </I18nextProvider>,
    ),
  );
  await flush();
}

async function fill(selector: string, value: string) {
  const el = container.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!el) throw new Error(`no field ${selector}`);
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await flush();
}

async function press(name: string) {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button ${name}`);
  await act(async () => button.click());
  await flush();
}

async function fillServer() {
  await fill('#mail-host', 'smtp.cafe.be');
  await fill('#mail-port', '465');
  await fill('#mail-security', 'tls');
  await fill('#mail-user', 'kassa@cafe.be');
  await fill('#mail-password', 'Geheim-123');
  await fill('#mail-from', 'kassa@cafe.be');
  await fill('#mail-contact-email', 'help@cafe.be');
  await fill('#mail-contact-phone', '+32 9 123 45 67');
}

describe('Settings → E-mailed receipts', () => {
  it('saves the server and the contact, and then says only that a password is stored', async () => {
    const station = mailStation();
    await render();
    expect(container.textContent).toContain('No mail server is set up: receipts wait until one is.');
    await fillServer();
    await press('Save e-mail settings');
    expect(station.called('mail.saveSettings')).toEqual([
      {
        ...{ smtpHost: 'smtp.cafe.be', smtpPort: 465, smtpSecurity: 'tls', smtpUser: 'kassa@cafe.be' },
        ...{ password: 'Geheim-123', clearPassword: false, fromAddress: 'kassa@cafe.be' },
        ...{ contactEmail: 'help@cafe.be', contactPhone: '+32 9 123 45 67' },
      },
    ]);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved.');
    expect(container.textContent).toContain('A password is stored. Leave empty to keep it.');
    expect(container.querySelector<HTMLInputElement>('#mail-password')!.value).toBe('');
    expect(container.textContent).not.toContain('No mail server is set up');

    // Saved again without typing it: the stored password is kept (none is sent).
    await fill('#mail-contact-phone', '09 123 45 67');
    await press('Save e-mail settings');
    expect(station.called('mail.saveSettings')[1]).not.toHaveProperty('password');
    expect(station.called('mail.saveSettings')[1]).toMatchObject({ contactPhone: '09 123 45 67' });
  });

  it('sends a test e-mail with the settings as typed and says in Dutch why the server refused it', async () => {
    const station = mailStation({ sent: false, problem: 'auth', serverReply: '535 Authentication failed' });
    await render('nl');
    await fillServer();
    await fill('#mail-test-to', 'eigenaar@cafe.be');
    await press('Test-e-mail versturen');
    expect(station.called('mail.sendTest')).toEqual([
      {
        testRecipient: 'eigenaar@cafe.be',
        settings: expect.objectContaining({ smtpHost: 'smtp.cafe.be', password: 'Geheim-123' }),
      },
    ]);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'De mailserver weigerde de gebruikersnaam of het wachtwoord. De server zei: 535 Authentication failed',
    );
  });

  it('says the server took the test e-mail', async () => {
    mailStation();
    await render('fr');
    await fillServer();
    await fill('#mail-test-to', 'patron@cafe.be');
    await press('Envoyer un e-mail de test');
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      "Le serveur de messagerie a accepté l'e-mail de test pour patron@cafe.be.",
    );
  });

  it('names a refused field by its label', async () => {
    const station = mailStation();
    station.answers['mail.saveSettings'] = () => ({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'bad port', fields: ['smtpPort'] },
    });
    await render();
    await fill('#mail-port', 'abc');
    await press('Save e-mail settings');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('mail server port');
  });

  it('shows a manager only the receipts waiting, and tries them again', async () => {
    const waiting = { chargeId: 'c1', agreementId: 'a1', description: 'Lidmaatschap', amountCents: 2_500 };
    const receipt = { ...waiting, capturedAt: '2026-01-31T17:00:00.000Z', attempts: 3 };
    const station = fakeStation({
      'mail.getSettings': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'administer' } }),
      'mail.outbox': () =>
        ok({ configured: true, waiting: [{ ...receipt, problem: 'unreachable', lastError: null }] }),
      'mail.retryNow': () => ok({ configured: true, waiting: [] }),
    });
    await render();
    expect(container.querySelector('#mail-host')).toBeNull();
    expect(container.textContent).toContain('Receipts not sent yet: 1');
    await press('Try again now');
    expect(station.called('mail.retryNow')).toEqual([{}]);
    expect(container.querySelector('[data-testid="mail-settings"]')).toBeNull();
  });

  it('is not shown to someone the station refuses the settings to', async () => {
    fakeStation({
      'mail.getSettings': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'administer' } }),
    });
    await render();
    expect(container.querySelector('[data-testid="mail-settings"]')).toBeNull();
  });
});

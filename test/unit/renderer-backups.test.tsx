// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, StationEvent } from '../../shared/contract';
import type { BackupStatusView, BackupView } from '../../shared/contract/backup-methods';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { BackupsSection } from '../../renderer/src/features/settings/BackupsSection';
import { BackupWarning } from '../../renderer/src/features/settings/BackupWarning';
import { createI18n } from '../../renderer/src/i18n';
import type { Locale } from '../../shared/domain/money';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const Z_BACKUP: BackupView = {
  fileName: 'kassa-20261203T101500123Z-z.sqlite',
  databaseFile: 'kassa.sqlite',
  takenAt: '2026-12-03T10:15:00.123Z',
  reason: 'z',
  sizeBytes: 12_500_000,
};
const STATUS: BackupStatusView = {
  folder: '/var/lib/kassa/backups',
  folderIsDefault: true,
  intervalMinutes: 15,
  databaseFile: 'kassa.sqlite',
  running: false,
  lastBackup: Z_BACKUP,
  lastFailure: null,
};
const FAILED: BackupStatusView = {
  ...STATUS,
  lastFailure: {
    at: '2026-12-03T11:00:00.000Z',
    reason: 'interval',
    message: "EACCES: permission denied, open '/media/usb'",
  },
};

type Answer = (input: Record<string, unknown>) => Result<unknown>;

/** A station answering from `answers` (a backup each Back up now); records calls and can push events. */
function fakeStation(answers: Record<string, Answer>) {
  const listeners = new Set<(event: StationEvent) => void>();
  const calls: Array<{ method: string; input: Record<string, unknown> }> = [];
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      const args = (input ?? {}) as Record<string, unknown>;
      calls.push({ method, input: args });
      return answers[method]?.(args) ?? { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onReconnect: () => () => undefined,
  };
  const emit = async (event: StationEvent) => {
    await act(async () => listeners.forEach((listener) => listener(event)));
    await flush();
  };
  return { transport, calls, emit, callsTo: (method: string) => calls.filter((c) => c.method === method) };
}

let root: Root | null = null;
let container: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
  setTransportForTests(null);
});

async function flush() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

async function render(element: React.ReactElement, answers: Record<string, Answer>, locale: Locale = 'en') {
  const station = fakeStation(answers);
  setTransportForTests(station.transport);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<I18nextProvider i18n={createI18n(locale)}>{element}</I18nextProvider>));
  await flush();
  return station;
}

const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
const text = (selector: string) => container.querySelector(selector)?.textContent ?? null;
const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((el) => el.textContent);
const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name)!;

async function click(name: string) {
  const target = button(name);
  await act(async () => target.click());
  await flush();
}

async function fill(selector: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(selector)!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(selector: string) {
  const form = container.querySelector<HTMLInputElement>(selector)!.form!;
  await act(async () => form.requestSubmit());
  await flush();
}

const rows = () =>
  [...container.querySelectorAll('table.backups-list tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent).join(' | '),
  );

describe('Settings → Backups', () => {
  it('shows the last backup, the rule, the recent list, and backs up now', async () => {
    const manual: BackupView = {
      ...Z_BACKUP,
      fileName: 'kassa-20261203T103000000Z-manual.sqlite',
      reason: 'manual',
    };
    const station = await render(<BackupsSection />, {
      'backups.getStatus': () => ok(STATUS),
      'backups.list': () => ok([Z_BACKUP]),
      'backups.runNow': () => ok(manual),
    });
    expect(text('h2')).toBe('Backups');
    expect(text('[data-testid="last-backup"]')).toMatch(/^Last backup: .+ \(after a Z\)\.$/);
    expect(text('[data-testid="backup-pruning"]')).toContain('the newest of each day for 30 days');
    expect(container.querySelector<HTMLInputElement>('#backup-folder')?.placeholder).toBe(
      '/var/lib/kassa/backups',
    );
    expect(container.querySelector<HTMLInputElement>('#backup-interval')?.value).toBe('15');
    expect(rows()).toEqual([expect.stringMatching(/ \| after a Z \| production \| 12\.5 MB$/)]);
    expect(alerts()).toEqual([]);
    await click('Back up now');
    expect(station.callsTo('backups.runNow')).toHaveLength(1);
    expect(text('[role="status"]')).toBe(`Backed up to ${manual.fileName}.`);
  });

  it('warns when the last backup failed, and clears the warning when one succeeds', async () => {
    const station = await render(<BackupsSection />, {
      'backups.getStatus': () => ok(STATUS),
      'backups.list': () => ok([]),
    });
    expect(alerts()).toEqual([]);
    await station.emit({ name: 'backups.changed', payload: FAILED });
    expect(alerts()).toEqual([
      expect.stringMatching(
        /^The last backup failed \(while selling, .+\): EACCES: permission denied, open '\/media\/usb'\. Check the backup folder/,
      ),
    ]);
    await station.emit({ name: 'backups.changed', payload: STATUS });
    expect(alerts()).toEqual([]);
  });

  it('sends the folder and the interval, says what the station refused, and checks the interval first', async () => {
    const station = await render(<BackupsSection />, {
      'backups.getStatus': () => ok(STATUS),
      'backups.list': () => ok([]),
      'backups.setFolder': ({ folder }) =>
        folder === '/proc/kassa'
          ? { ok: false, error: { code: 'INVALID_INPUT', message: 'cannot be created', fields: ['folder'] } }
          : ok({ ...STATUS, folder, folderIsDefault: false }),
      'backups.setInterval': ({ intervalMinutes }) => ok({ ...STATUS, intervalMinutes }),
    });
    await fill('#backup-folder', 'usb');
    await submit('#backup-folder');
    expect(alerts()).toEqual(['Type the whole path from the root, such as /media/usb/kassa or D:\\Kassa.']);
    await fill('#backup-folder', '/proc/kassa');
    await submit('#backup-folder');
    expect(alerts()).toEqual([
      'The station cannot create or write this folder. Is the disk plugged in and writable?',
    ]);
    await fill('#backup-folder', '/media/usb/kassa');
    await submit('#backup-folder');
    expect(station.callsTo('backups.setFolder').map((c) => c.input)).toEqual([
      { folder: '/proc/kassa' },
      { folder: '/media/usb/kassa' },
    ]);
    expect(alerts()).toEqual([]);
    expect(button('Use the data folder').disabled).toBe(false);
    await fill('#backup-interval', '0');
    await submit('#backup-interval');
    expect(alerts()).toEqual(['Type a whole number of minutes from 1 to 1440.']);
    expect(station.callsTo('backups.setInterval')).toEqual([]);
    await fill('#backup-interval', '30');
    await submit('#backup-interval');
    expect(station.callsTo('backups.setInterval').map((c) => c.input)).toEqual([{ intervalMinutes: 30 }]);
    expect(alerts()).toEqual([]);
  });

  it('speaks Dutch and French', async () => {
    const answers = { 'backups.getStatus': () => ok(FAILED), 'backups.list': () => ok([Z_BACKUP]) };
    await render(<BackupsSection />, answers, 'nl');
    expect(text('h2')).toBe('Back-ups');
    expect(button('Nu een back-up maken')).toBeTruthy();
    expect(alerts()[0]).toMatch(/^De laatste back-up is mislukt \(tijdens de verkoop, /);
    act(() => root?.unmount());
    container.remove();
    await render(<BackupsSection />, answers, 'fr');
    expect(text('h2')).toBe('Sauvegardes');
    expect(rows()[0]).toContain('après un Z');
  });
});

describe('the Closing screen', () => {
  it('tells the manager when the last backup failed, and nothing otherwise', async () => {
    await render(<BackupWarning />, { 'backups.getStatus': () => ok(FAILED) });
    expect(alerts()).toEqual([
      expect.stringMatching(
        /^The last backup of the books failed \(.+\)\. A manager must check Settings → Backups\.$/,
      ),
    ]);
    act(() => root?.unmount());
    container.remove();
    await render(<BackupWarning />, { 'backups.getStatus': () => ok(STATUS) });
    expect(alerts()).toEqual([]);
  });
});

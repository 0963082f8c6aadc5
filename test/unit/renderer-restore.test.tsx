// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result, StationEvent } from '../../shared/contract';
import type { BackupView } from '../../shared/contract/backup-methods';
import type { RestoreResultView, RestoreView } from '../../shared/contract/restore-methods';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { RestoreChooser } from '../../renderer/src/features/backups/RestoreChooser';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BACKUP: BackupView = {
  fileName: 'kassa-20261203T101500123Z-z.sqlite',
  databaseFile: 'kassa.sqlite',
  takenAt: '2026-12-03T10:15:00.123Z',
  reason: 'z',
  sizeBytes: 3 * 1_048_576,
};

const TRAINING_BACKUP: BackupView = {
  ...BACKUP,
  fileName: 'training-20261203T101500123Z-interval.sqlite',
  databaseFile: 'training.sqlite',
  reason: 'interval',
};

const RESULT: RestoreResultView = {
  databaseFile: 'kassa.sqlite',
  fromFile: BACKUP.fileName,
  backupTakenAt: BACKUP.takenAt,
  restoredAt: '2026-12-03T12:00:00.000Z',
  movedAside: 'kassa.sqlite.before-restore-20261203T120000000Z',
  lastZ: 4,
  lostZ: { from: 3, to: 4 },
};

const LAST: RestoreView = {
  id: 'r1',
  restoredAt: RESULT.restoredAt,
  fromFile: BACKUP.fileName,
  backupTakenAt: BACKUP.takenAt,
  searchedFrom: '2026-12-03T10:00:00.123Z',
  searchedAt: '2026-12-03T12:00:01.000Z',
  recovered: [
    {
      ...{ bancontactId: 'bc-1', kind: 'sale', amountCents: 1_234, succeededAt: '2026-12-03T11:00:00.000Z' },
      ...{ saleId: 's1', wristbandId: null, recoveredAt: '2026-12-03T12:00:01.000Z' },
    },
    {
      ...{ bancontactId: 'bc-2', kind: 'topup', amountCents: 2_000, succeededAt: '2026-12-03T11:30:00.000Z' },
      ...{ saleId: null, wristbandId: '7K2Q-9XQ4-M32F', recoveredAt: '2026-12-03T12:00:01.000Z' },
    },
  ],
  cannotComeBack: ['cash_sales', 'wristband_debits', 'drawer_movements'],
};

/** Answers the three methods the chooser uses; a restore makes `restore.getLast` answer the gap. */
class FakeStation implements Transport {
  readonly kind = 'http';
  calls: { method: string; input: unknown }[] = [];
  restoreAnswer: Result<RestoreResultView> = { ok: true, value: RESULT };
  last: RestoreView | null = null;
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    this.calls.push({ method, input });
    if (method === 'backups.list') return { ok: true, value: [BACKUP, TRAINING_BACKUP] };
    if (method === 'restore.getLast') return { ok: true, value: this.last };
    if (method === 'backups.restore') {
      if (this.restoreAnswer.ok) this.last = LAST;
      return this.restoreAnswer;
    }
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
  }
  subscribe(_listener: (event: StationEvent) => void) {
    return () => undefined;
  }
  onReconnect() {
    return () => undefined;
  }
}

let station: FakeStation;
let root: Root;
let container: HTMLElement;

async function flush() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

let restored = 0;

async function render(locale: 'en' | 'nl' | 'fr' = 'en', databaseFile?: string) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <RestoreChooser onRestored={() => (restored += 1)} databaseFile={databaseFile} />
      </I18nextProvider>,
    ),
  );
  await flush();
}

async function click(name: string) {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!button) throw new Error(`no button ${name}`);
  await act(async () => button.click());
  await flush();
}

beforeEach(() => {
  restored = 0;
  station = new FakeStation();
  setTransportForTests(station);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('the restore chooser', () => {
  it('lists the backups, asks first with what comes back and what cannot, then restores and shows the gap', async () => {
    await render('en', 'kassa.sqlite');
    // The refusal screen names the database it could not open: only its backups are offered.
    expect(
      [...container.querySelectorAll('[data-file]')].map((row) => row.getAttribute('data-file')),
    ).toEqual([BACKUP.fileName]);
    expect(container.textContent).toContain('After a Z');
    await click('Restore this one');
    const question = container.querySelector('[role="alertdialog"]')!.textContent!;
    expect(question).toContain('Restore kassa.sqlite from the backup taken');
    expect(question).toContain('kept beside it as kassa.sqlite.before-restore-');
    expect(question).toContain('Cash sales, wristband payments at the bars and cash drawer movements');
    await click('Back');
    expect(station.calls.filter((c) => c.method === 'backups.restore')).toHaveLength(0);

    await click('Restore this one');
    await click('Restore');
    expect(station.calls.filter((c) => c.method === 'backups.restore')[0]?.input).toEqual({
      fileName: BACKUP.fileName,
    });
    const done = container.querySelector('[role="status"]')!.textContent!;
    expect(done).toContain('kassa.sqlite was restored from kassa-20261203T101500123Z-z.sqlite.');
    expect(done).toContain('The next Z report gets number 5 or higher');
    expect(done).toContain('Z 3–4 was issued after this backup and is lost with it');
    expect(restored).toBe(1);
    const panel = container.querySelector('[data-testid="recovered-panel"]')!;
    const rows = [...panel.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-kind'));
    expect(rows).toEqual(['sale', 'topup']);
    expect(panel.textContent).toContain('€12.34');
    expect(panel.textContent).toContain('Wristband 7K2Q-9XQ4-M32F');
    expect([...panel.querySelectorAll('.recovered-lost li')].map((li) => li.textContent)).toEqual([
      'cash sales',
      'wristband payments at the bars',
      'cash drawer floats, cash in and out, and counts',
    ]);
  });

  it('says why a backup was refused, with the station’s reason', async () => {
    station.restoreAnswer = {
      ok: false,
      error: { code: 'BACKUP_INVALID', message: 'kassa-….sqlite: is damaged (integrity_check: …)' },
    };
    await render('nl');
    await click('Deze terugzetten');
    await click('Terugzetten');
    expect(container.querySelector('[role="alert"]')?.textContent).toBeTruthy();
    expect(container.querySelector('.restore-reason')?.textContent).toContain('is damaged');
    expect(restored).toBe(0);
    expect(container.querySelector('[data-testid="recovered-panel"]')).toBeNull();
  });

  it('lists every database’s backups in Settings, in French, and nothing about a restore that never happened', async () => {
    await render('fr');
    expect(container.querySelectorAll('[data-file]')).toHaveLength(2);
    expect(container.textContent).toContain('Restaurer une sauvegarde');
    expect(container.textContent).toContain('Après un Z');
    expect(container.querySelector('[data-testid="recovered-panel"]')).toBeNull();
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryView, AuditPageView } from '../../shared/contract';
import {
  alerts,
  byTestId,
  cleanup,
  click,
  fakeStation,
  fill,
  ok,
  renderApp,
  rows,
  sessionOf,
  TRAINING,
  view,
  type Answer,
} from '../support/renderer-app';

function entry(seq: number, part: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    seq,
    at: '2026-06-01T10:00:00.000Z',
    mode: 'live',
    action: 'devices.revoke',
    outcome: 'ok',
    staff: { id: 'p1', name: 'An Peeters' },
    device: { id: 'd0', name: 'Station' },
    subject: 'd7',
    detail: { name: 'Bar 2' },
    hash: `h${seq}`,
    ...part,
  };
}

const FIRST: AuditPageView = {
  entries: [
    entry(52),
    entry(51, {
      action: 'session.signIn',
      outcome: 'refused',
      staff: { id: 'p2', name: 'Bram' },
      subject: null,
      detail: { error: 'WRONG_SECRET', repeated: 4, minute: '2026-06-01T09:59:00.000Z' },
    }),
    entry(50, { action: 'something.new', mode: 'training', device: null, detail: {} }),
  ],
  nextBeforeSeq: 50,
};
const OLDER: AuditPageView = {
  entries: [entry(49, { action: 'reports.closeDay', subject: 'Z 12' })],
  nextBeforeSeq: null,
};

function station(overrides: Record<string, Answer> = {}) {
  return fakeStation({
    'settings.get': () => ok(TRAINING),
    'session.get': () => ok(sessionOf('administrator')),
    'audit.list': (input) => ok(input.beforeSeq === 50 ? OLDER : FIRST),
    'audit.listActions': () => ok(['session.signIn', 'devices.revoke', 'reports.closeDay']),
    'staff.list': () =>
      ok([
        { id: 'p2', name: 'Bram' },
        { id: 'p1', name: 'An Peeters' },
      ]),
    'devices.list': () => ok([{ id: 'd7', name: 'Bar 2' }]),
    'audit.verify': () =>
      ok({ ok: true, checked: 1234, firstBrokenSeq: null, reason: null, lastHash: 'h52' }),
    'audit.export': () =>
      ok({
        path: '/downloads/audit/audit-2026-06-01.csv',
        fileName: 'audit-2026-06-01.csv',
        contentType: 'text/csv',
        bytes: 10,
        rows: 3,
      }),
    ...overrides,
  });
}

afterEach(() => cleanup());

describe('audit log screen', () => {
  it('lists entries newest first: when, action, outcome, person, device, subject and details', async () => {
    const s = station();
    await renderApp('/#/audit');
    expect(view().querySelector('h1')?.textContent).toBe('Audit log');
    expect(s.called('audit.list')).toEqual([{ limit: 50 }]);
    const shown = rows('.audit-table');
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(
      /^.+ \| Device revokeddevices\.revoke \| Done \| An Peeters \| Station \| d7 \| name: Bar 2$/,
    );
    // A minute's repeated refusals are one entry that says how many more there were.
    expect(shown[1]).toContain('Signed insession.signIn | Refusedrefused 4 more times that minute | Bram');
    expect(shown[1]).toContain('error: WRONG_SECRET');
    // An action without a text yet shows its name; a training entry says so.
    expect(shown[2]).toMatch(/training \| something\.newsomething\.new \| Done \| An Peeters \| — \|/);
  });

  it('filters by date, action, person, device and outcome, and refuses a range the wrong way round', async () => {
    const s = station();
    await renderApp('/#/audit');
    const people = [...view().querySelectorAll('#audit-person option')].map((o) => o.textContent);
    expect(people).toEqual(['Anyone', 'An Peeters', 'Bram']);
    expect(s.called('staff.list')).toEqual([{ includeDeleted: true }]);

    await fill('#audit-from', '2026-06-02');
    await fill('#audit-to', '2026-06-01');
    await click('Show');
    expect(alerts()).toEqual(['The start date must come before the end date.']);
    expect(s.called('audit.list')).toHaveLength(1);

    await fill('#audit-from', '2026-05-01');
    await fill('#audit-action', 'session.signIn');
    await fill('#audit-person', 'p2');
    await fill('#audit-device', 'd7');
    await fill('#audit-outcome', 'refused');
    await fill('#audit-text', ' Z 12 ');
    await click('Show');
    expect(s.called('audit.list').at(-1)).toEqual({
      from: '2026-05-01',
      to: '2026-06-01',
      action: 'session.signIn',
      staffId: 'p2',
      deviceId: 'd7',
      outcome: 'refused',
      text: 'Z 12',
      limit: 50,
    });

    await click('Clear filters');
    expect(s.called('audit.list').at(-1)).toEqual({ limit: 50 });
  });

  it('pages to older entries with the station’s cursor and back', async () => {
    const s = station();
    await renderApp('/#/audit');
    await click('Older entries');
    expect(s.called('audit.list').at(-1)).toEqual({ limit: 50, beforeSeq: 50 });
    expect(rows('.audit-table')).toHaveLength(1);
    expect(rows('.audit-table')[0]).toContain('Day closed (Z report)');
    expect(view().textContent).not.toContain('Older entries');
    await click('Newer entries');
    expect(s.called('audit.list').at(-1)).toEqual({ limit: 50 });
    expect(rows('.audit-table')).toHaveLength(3);
  });

  it('verifies the chain and says what it found', async () => {
    station();
    await renderApp('/#/audit');
    await click('Verify the chain');
    // Written with the UI language's digit grouping (en-BE groups with a point).
    const count = new Intl.NumberFormat('en-BE').format(1234);
    expect(byTestId('chain-answer')?.textContent).toBe(
      `The chain is intact: ${count} entries checked, none changed or removed.`,
    );
    cleanup();

    station({
      'audit.verify': () =>
        ok({ ok: false, checked: 17, firstBrokenSeq: 17, reason: 'changed', lastHash: 'h16' }),
    });
    await renderApp('/#/audit');
    await click('Verify the chain');
    expect(alerts()).toEqual([
      'The chain is broken at entry 17: an entry’s content was changed outside Kassa. Keep this computer as it is and tell whoever is responsible.',
    ]);
  });

  it('exports the entries the filters select', async () => {
    const s = station();
    await renderApp('/#/audit');
    await fill('#audit-outcome', 'refused');
    await click('Show');
    await click('Export (CSV)');
    expect(s.called('audit.export')).toEqual([{ outcome: 'refused' }]);
    const link = view().querySelector<HTMLAnchorElement>('a.download-link');
    expect(link?.getAttribute('href')).toBe('/downloads/audit/audit-2026-06-01.csv');
    expect(link?.getAttribute('download')).toBe('audit-2026-06-01.csv');
  });

  it('says in the person’s language when the station refuses it', async () => {
    station({
      'settings.get': () => ok({ ...TRAINING, locale: 'nl' }),
      'audit.list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } }),
    });
    await renderApp('/#/audit');
    expect(view().querySelector('h1')?.textContent).toBe('Auditlogboek');
    expect(alerts()).toEqual(['U mag dit niet doen op dit toestel.']);
  });
});

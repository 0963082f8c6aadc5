// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/domain/money';
import { ROLES } from '../../shared/domain/roles';
import { setTransportForTests } from '../../renderer/src/api/client';
import { GUIDES } from '../../renderer/src/features/help/guides';
import { FakeStation, Screen, person } from './renderer-staff-fake-station';

/*
 * The Help page (issue 14): the user guide of each role in NL, FR and EN, bundled with the renderer;
 * a person sees their own role's guide first, in their language, and can open the others.
 */

/** The sections every guide has, as its `##` headings say them in each language. */
const TROUBLE: Record<(typeof LOCALES)[number], string> = {
  en: '## When things go wrong',
  nl: '## Als er iets misloopt',
  fr: '## Quand quelque chose ne va pas',
};

describe('the guides', () => {
  it.each(ROLES.flatMap((role) => LOCALES.map((locale) => [role, locale] as const)))(
    'has the %s guide in %s, with a title, steps and what to do when things go wrong',
    (role, locale) => {
      const guide = GUIDES[role]?.[locale] ?? '';
      expect(guide.trim().length).toBeGreaterThan(1500);
      expect(guide.startsWith('# ')).toBe(true);
      expect(guide).toMatch(/^1\. /m);
      expect(guide).toContain(TROUBLE[locale]);
      // Each translation is its own text, not a copy of the English one.
      if (locale !== 'en') expect(guide).not.toBe(GUIDES[role].en);
    },
  );
});

let station: FakeStation;
const screen = new Screen();

describe('the Help page', () => {
  beforeEach(() => {
    station = new FakeStation([
      person('lies', 'Lies', 'cashier', '1234', { locale: 'fr' }),
      person('mia', 'Mia', 'manager', 'Counter#2025', { locale: 'nl' }),
    ]);
    screen.station = station;
    setTransportForTests(station);
  });

  afterEach(() => {
    screen.unmount();
    setTransportForTests(null);
  });

  const guide = () => screen.container.querySelector('[data-testid="help-guide"]');
  const guideTitle = () => guide()?.querySelector('h1')?.textContent;

  it("opens from the header on the signed-in person's role, in their language, and opens the others", async () => {
    station.signedIn = 'lies';
    await screen.render('#/', 'en');
    const link = screen.container.querySelector<HTMLAnchorElement>('a.help-link');
    expect(link?.textContent).toBe('Aide');
    await screen.tap(link!);
    // jsdom tells a hash change in a task of its own.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(guide()?.getAttribute('data-role')).toBe('cashier');
    expect(guideTitle()).toBe('Guide du caissier');
    expect(guide()?.querySelectorAll('ol li').length).toBeGreaterThan(3);
    await screen.click('Responsable');
    expect(guideTitle()).toBe('Guide du responsable');
    await screen.click('Administrateur');
    expect(guideTitle()).toBe('Guide de l’administrateur');
  });

  it("shows a manager's guide first, and follows a language switch", async () => {
    station.signedIn = 'mia';
    await screen.render('#/help', 'en');
    expect(guideTitle()).toBe('Handleiding voor verantwoordelijken');
    await screen.click('EN');
    expect(guideTitle()).toBe('Manager guide');
  });

  it('passes no HTML from a guide through: the Markdown becomes elements', async () => {
    station.signedIn = 'lies';
    await screen.render('#/help', 'en');
    expect(guide()?.querySelector('script, iframe, [onclick]')).toBeNull();
    expect(guide()?.querySelectorAll('h2').length).toBeGreaterThan(3);
  });
});

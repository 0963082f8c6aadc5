// A station for the staff and sign-in screen tests: it keeps people, one session and wrong tries as the
// real one answers them (the screens are under test here, not the station; its own tests cover it).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { ContractError, Result, SettingsView, StationEvent } from '../../shared/contract';
import type { SessionView, SignInPersonView, StaffView } from '../../shared/contract/staff-views';
import type { Locale } from '../../shared/domain/money';
import { usesPin, type Role } from '../../shared/domain/roles';
import type { Transport } from '../../renderer/src/api/transport';
import { App } from '../../renderer/src/App';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const SETTINGS: SettingsView = {
  mode: 'training',
  environment: null,
  ppid: null,
  apiKeyLast4: null,
  hasCredentials: false,
  locale: 'en',
  publicUrl: null,
  callbackUrl: null,
  stickerPosId: null,
};

export interface Person extends StaffView {
  secret: string;
}

export function person(
  id: string,
  name: string,
  role: Role,
  secret: string,
  extra: Partial<Person> = {},
): Person {
  return {
    id,
    name,
    role,
    secret,
    locale: 'en',
    status: 'active',
    usesPin: usesPin(role),
    training: false,
    lockedUntil: null,
    attemptsLeft: 5,
    createdAt: 0,
    lastSignInAt: null,
    ...extra,
  };
}

const PUBLIC = new Set([
  'session.get',
  'session.signIn',
  'session.createFirstAdministrator',
  'station.getStatus',
]);
const LOCK_MS = 5 * 60_000;
type Handler = (input: Record<string, unknown>) => Result<unknown>;

export class FakeStation implements Transport {
  readonly kind = 'http';
  calls: { method: string; input: Record<string, unknown> }[] = [];
  signedIn: string | null = null;
  display = false;
  idleLockMinutes = 15;
  needsFirstAdministrator = false;
  /** The station's language setting, which the screens start in. */
  locale: Locale = 'en';
  /** This device's payment sound, as the station keeps it. */
  soundOn = true;
  /** Answers for one method, replacing the built-in one (a refusal, say). */
  overrides: Record<string, Handler> = {};

  constructor(public people: Person[]) {}

  async call(method: string, input: unknown): Promise<Result<unknown>> {
    const args = (input ?? {}) as Record<string, unknown>;
    this.calls.push({ method, input: args });
    const override = this.overrides[method];
    if (override) return override(args);
    if (!PUBLIC.has(method) && !this.signedIn && !this.display) return fail('NOT_SIGNED_IN');
    return this.answer(method, args);
  }

  called(method: string) {
    return this.calls.filter((c) => c.method === method);
  }

  private answer(method: string, args: Record<string, unknown>): Result<unknown> {
    const staffId = String(args.staffId ?? '');
    switch (method) {
      case 'session.get':
        return ok(this.session());
      case 'session.signIn':
        return this.signIn(staffId, String(args.secret));
      case 'session.signOut':
        this.signedIn = null;
        return ok(this.session());
      case 'session.createFirstAdministrator':
        return this.createFirst(args);
      case 'settings.setLocale':
        this.locale = args.locale as Locale;
        return ok({ ...SETTINGS, locale: this.locale });
      case 'settings.get':
        return ok({ ...SETTINGS, locale: this.locale });
      case 'session.setMyLocale':
        return this.setMyLocale(args.locale as Locale);
      case 'devices.getSound':
        return ok({ deviceId: 'station', soundOn: this.soundOn });
      case 'devices.setSound':
        this.soundOn = args.soundOn === true;
        return ok({ deviceId: 'station', soundOn: this.soundOn });
      case 'station.getStatus':
        return ok({ mode: 'training', environment: null, locale: this.locale, version: '1', httpUrl: null });
      case 'till.getCurrentSale':
        return ok(null);
      case 'till.listSales':
        return ok([]);
      default:
        return this.staffMethod(method, staffId, args);
    }
  }

  private staffMethod(method: string, staffId: string, args: Record<string, unknown>): Result<unknown> {
    const found = this.people.find((p) => p.id === staffId);
    const view = (p: Person): Result<unknown> => ok(staffView(p));
    switch (method) {
      case 'staff.list':
        return ok(this.people.filter((p) => p.status !== 'deleted').map(staffView));
      case 'staff.create': {
        const created = person(
          `p${this.people.length + 1}`,
          String(args.name),
          args.role as Role,
          String(args.secret),
          {
            locale: args.locale as Locale,
            status: 'pending',
          },
        );
        this.people.push(created);
        return view(created);
      }
      case 'staff.setIdleLock':
        this.idleLockMinutes = Number(args.minutes);
        return ok({ idleLockMinutes: this.idleLockMinutes });
    }
    if (!found) return fail('NOT_FOUND');
    if (method === 'staff.block') found.status = 'blocked';
    else if (method === 'staff.reactivate') found.status = 'active';
    else if (method === 'staff.delete') found.status = 'deleted';
    else if (method === 'staff.unlock') found.lockedUntil = null;
    else if (method === 'staff.setSecret') found.secret = String(args.secret);
    else if (method === 'staff.update') Object.assign(found, { ...args, staffId: undefined, id: found.id });
    else return fail('UNKNOWN_METHOD');
    return view(found);
  }

  private signIn(staffId: string, secret: string): Result<unknown> {
    const found = this.people.find((p) => p.id === staffId);
    if (!found) return fail('NOT_FOUND');
    if (found.status === 'blocked') return fail('STAFF_BLOCKED');
    if (found.lockedUntil !== null && found.lockedUntil > Date.now())
      return fail('STAFF_LOCKED', { lockedUntil: found.lockedUntil });
    if (found.secret !== secret) {
      found.attemptsLeft -= 1;
      if (found.attemptsLeft > 0) return fail('WRONG_SECRET', { attemptsLeft: found.attemptsLeft });
      found.lockedUntil = Date.now() + LOCK_MS;
      return fail('STAFF_LOCKED', { lockedUntil: found.lockedUntil });
    }
    found.attemptsLeft = 5;
    this.signedIn = found.id;
    return ok(this.session());
  }

  /** The signed-in person's own language; the display's session has no person. */
  private setMyLocale(locale: Locale): Result<unknown> {
    const me = this.people.find((p) => p.id === this.signedIn);
    if (!me) return fail('FORBIDDEN');
    me.locale = locale;
    return ok(this.session());
  }

  private createFirst(args: Record<string, unknown>): Result<unknown> {
    const admin = person('admin', String(args.name), 'administrator', String(args.password), {
      locale: args.locale as Locale,
    });
    this.people = [admin];
    this.needsFirstAdministrator = false;
    this.signedIn = admin.id;
    return ok(this.session());
  }

  session(): SessionView {
    const me = this.people.find((p) => p.id === this.signedIn);
    return {
      staff: me
        ? { id: me.id, name: me.name, role: me.role, locale: me.locale, training: me.training }
        : null,
      device: { id: 'station', name: 'Station', kind: 'station', rights: 'manager', tillId: null },
      display: this.display,
      idleLockMinutes: this.idleLockMinutes,
      needsFirstAdministrator: this.needsFirstAdministrator,
      people: this.people.filter((p) => p.status !== 'deleted' && p.status !== 'blocked').map(signInPerson),
    };
  }

  subscribe(_listener: (event: StationEvent) => void) {
    return () => undefined;
  }

  onReconnect() {
    return () => undefined;
  }
}

function staffView({ secret: _secret, ...view }: Person): StaffView {
  return view;
}

function signInPerson(p: Person): SignInPersonView {
  return { id: p.id, name: p.name, role: p.role, usesPin: p.usesPin, lockedUntil: p.lockedUntil };
}

function ok(value: unknown): Result<unknown> {
  return { ok: true, value };
}

function fail(code: ContractError['code'], extra: Partial<ContractError> = {}): Result<never> {
  return { ok: false, error: { code, message: code, ...extra } };
}

/** The App on a page, and the ways a person touches it. */
export class Screen {
  station: FakeStation | null = null;
  root!: Root;
  container!: HTMLElement;

  async render(hash = '#/', locale: Locale = 'en') {
    // The station's own language setting is what the screens follow once they have read it.
    if (this.station) this.station.locale = locale;
    window.location.hash = hash;
    this.container = document.createElement('div');
    document.body.append(this.container);
    this.root = createRoot(this.container);
    await act(async () =>
      this.root.render(
        <I18nextProvider i18n={createI18n(locale)}>
          <App />
        </I18nextProvider>,
      ),
    );
    await this.flush();
  }

  unmount() {
    act(() => this.root.unmount());
    this.container.remove();
  }

  /** Microtasks only, so that tests may fake the timers. */
  async flush() {
    await act(async () => {
      for (let i = 0; i < 30; i++) await Promise.resolve();
    });
  }

  get text() {
    return this.container.textContent ?? '';
  }

  buttons(name: string) {
    return [...this.container.querySelectorAll('button')].filter(
      (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
    );
  }

  button(name: string) {
    return this.buttons(name)[0];
  }

  async click(name: string) {
    const target = this.button(name);
    if (!target) throw new Error(`no button ${name} in: ${this.text}`);
    await act(async () => target.click());
    await this.flush();
  }

  /** The tile of a person on the sign-in screen or the switch dialog. */
  tile(name: string) {
    return [...this.container.querySelectorAll<HTMLButtonElement>('.person-tile')].find(
      (b) => b.querySelector('.person-name')?.textContent === name,
    );
  }

  async tap(element: HTMLElement | undefined) {
    if (!element) throw new Error(`nothing to tap in: ${this.text}`);
    await act(async () => element.click());
    await this.flush();
  }

  async typePin(pin: string) {
    const pad = this.container.querySelector('.pin-pad')!;
    for (const digit of pin) {
      const key = [...pad.querySelectorAll('button')].find((b) => b.textContent === digit)!;
      await act(async () => key.click());
    }
    await this.flush();
  }

  async fill(selector: string, value: string) {
    const el = this.container.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
    if (!el) throw new Error(`no field ${selector}`);
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    await act(async () => {
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    });
    await this.flush();
  }

  async submit(selector = 'form') {
    const form = this.container.querySelector<HTMLFormElement>(selector)!;
    await act(async () => form.requestSubmit());
    await this.flush();
  }

  alerts() {
    return [...this.container.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
  }

  navLinks() {
    return [...this.container.querySelectorAll('nav a')].map((a) => a.textContent);
  }
}

import { ContractFailure } from '../../../shared/contract';
import type { BancontactClient } from '../bancontact/client';
import type { CallbackIntake } from '../payments/callback-intake';
import type { Db } from '../db/open-database';
import { attributionFor, setupIn } from '../ledger/attribution';

/**
 * What the tills of one shop pay with: the mode's own profile (the first shop's display profile, or
 * the one every shop without a display profile of its own shares), another display profile of the
 * shop, or nothing: the shop has display profiles, none of them live.
 */
export type ShopPayment =
  { kind: 'profile'; ppid: string; apiKey: string } | { kind: 'none'; shopName: string };

export interface TillProfile {
  profileId: string;
  client: BancontactClient;
  /** The mode's own profile (bulk searches cover its payments). */
  isMain: boolean;
  /** Where Bancontact posts this profile's callbacks; null: followed by polling alone. */
  callbackUrl: string | null;
}

export interface TillProfilesDeps {
  db: Db;
  main: { profileId: string; client: BancontactClient; callbackUrl: string | null };
  /** A client for another profile, with that profile's own request budget. */
  clientFor: (ppid: string, apiKey: string) => BancontactClient;
  /** Where callbacks reach this station (`…/callbacks/<ppid>` below it); null: polling alone. */
  callbackBase: string | null;
  /** The intake of another profile's callbacks, verified for that PPID and URL. */
  intakeFor: (ppid: string, callbackUrl: string) => CallbackIntake;
}

/** Which profile a till's Bancontact payments are created with, and the client of each profile. */
export class TillProfiles {
  /** Per shop id; a shop not listed pays with the mode's own profile. */
  private shops = new Map<string, ShopPayment>();
  private readonly clients = new Map<string, BancontactClient>();
  private readonly intakes = new Map<string, CallbackIntake>();

  constructor(private readonly deps: TillProfilesDeps) {}

  replace(shops: Map<string, ShopPayment>): void {
    this.shops = shops;
    for (const payment of shops.values()) {
      if (payment.kind !== 'profile' || payment.ppid === this.deps.main.profileId) continue;
      this.clients.set(payment.ppid, this.deps.clientFor(payment.ppid, payment.apiKey));
      const url = this.callbackUrl(payment.ppid);
      if (url && !this.intakes.has(payment.ppid))
        this.intakes.set(payment.ppid, this.deps.intakeFor(payment.ppid, url));
    }
  }

  /** NO_LIVE_PROFILE for a till of a shop whose display profiles are not live: no sale is begun. */
  async forTill(tillId: string): Promise<TillProfile> {
    const setup = await this.deps.db.read((q) => setupIn(q));
    const shop = this.shops.get(attributionFor(setup, tillId).shopId);
    if (shop?.kind === 'none') {
      throw new ContractFailure('NO_LIVE_PROFILE', `Shop ${shop.shopName} has no live display profile`);
    }
    if (!shop || shop.ppid === this.deps.main.profileId) return { ...this.deps.main, isMain: true };
    const callbackUrl = this.intakes.has(shop.ppid) ? this.callbackUrl(shop.ppid) : null;
    return { profileId: shop.ppid, client: this.client(shop.ppid), isMain: false, callbackUrl };
  }

  /** The intake of a shop profile's callbacks (`/callbacks/<ppid>`), or null for a PPID it has none for. */
  intake(ppid: string): CallbackIntake | null {
    return this.intakes.get(ppid) ?? null;
  }

  private callbackUrl(ppid: string): string | null {
    const base = this.deps.callbackBase?.replace(/\/+$/, '');
    return base ? `${base}/callbacks/${ppid}` : null;
  }

  /** The client that reaches a payment made with `profileId` (the mode's own for any other). */
  client(profileId: string): BancontactClient {
    return this.clients.get(profileId) ?? this.deps.main.client;
  }

  /** Null for the mode's own profile: its payments go the usual way (bulk searches, callbacks). */
  otherClient(profileId: string): BancontactClient | null {
    return profileId === this.deps.main.profileId ? null : (this.clients.get(profileId) ?? null);
  }
}

import { randomBytes } from 'node:crypto';
import { ContractFailure, type Environment, type PaymentProfileView } from '../../../shared/contract';
import { MAIN_PROFILE_ID, normalIban, type ProfileKind } from '../../../shared/domain/payment-profiles';
import type { TopupAmountMode } from '../../../shared/domain/topup';
import type { ConnectionTester } from './connection-tests';
import { profileKeySecret, trainingProfileOf } from './profile-keys';
import type { SecretStore } from './secret-store';
import type { SettingsFile, StoredSettings } from './settings-file';
import { paymentProfilesOf, type StoredProfile } from './settings-upgrade';

export interface PaymentProfileDeps {
  file: SettingsFile;
  secrets: SecretStore;
  /** The shops of the sales setup; the first one's display profile is the station's first profile. */
  shopIds: () => string[];
  /** The going-live rule's one home, shared with settings.testConnection / settings.goLive. */
  tester: ConnectionTester;
  /** The first shop's display profile goes live the way today's single profile did (settings.goLive). */
  goLiveMain: (input: { environment: Environment; ppid: string; apiKey: string }) => Promise<unknown>;
  /** Hands the changed profiles to the running mode, so each till pays with its shop's profile. */
  apply: (stored: StoredSettings) => Promise<void>;
}

export interface NewProfile {
  shopId: string;
  kind: ProfileKind;
  name: string;
  ppid: string;
  iban: string;
  /** A top-up profile's codes; only for that kind. */
  amountMode?: TopupAmountMode;
}

/**
 * Each shop's payment profiles, in settings.json (shared by a site's stations like the other Bancontact
 * settings); their keys in the secret store, which they never leave.
 */
export class PaymentProfileService {
  constructor(private readonly deps: PaymentProfileDeps) {}

  /** The profiles, today's single PPID included as the first shop's display profile (settings-upgrade.ts). */
  stored(): StoredProfile[] {
    return paymentProfilesOf(this.deps.file.read(), this.deps.shopIds()[0] ?? 'shop-1');
  }

  list(): PaymentProfileView[] {
    const profiles = this.stored();
    return profiles.map((p) => ({
      ...{ id: p.id, shopId: p.shopId, kind: p.kind, name: p.name, ppid: p.ppid, iban: p.iban },
      ibanStatus: p.iban === '' ? 'none' : p.ibanVerified ? 'verified' : 'toVerify',
      hasApiKey: this.deps.secrets.get(profileKeySecret(p.id)) !== null,
      live: p.liveOn !== null,
      environment: p.liveOn,
      trainingPpid: trainingProfileOf(profiles, p.id)?.ppid ?? null,
      amountMode: p.kind === 'topup' ? (p.amountMode ?? null) : null,
    }));
  }

  async add(input: NewProfile): Promise<PaymentProfileView[]> {
    const shops = this.deps.shopIds();
    if (!shops.includes(input.shopId)) throw new ContractFailure('NOT_FOUND', `No shop ${input.shopId}`);
    assertAmountMode(input);
    const profiles = this.stored();
    if (profiles.some((p) => p.ppid === input.ppid && p.kind === input.kind)) {
      throw new ContractFailure('CONFLICT', `A ${input.kind} profile with PPID ${input.ppid} exists already`);
    }
    // The first shop's first display profile is the station's own: it goes live as today's did.
    const isMain =
      input.kind === 'display' &&
      input.shopId === shops[0] &&
      !profiles.some((p) => p.id === MAIN_PROFILE_ID);
    const profile: StoredProfile = {
      ...{
        id: isMain ? MAIN_PROFILE_ID : randomBytes(6).toString('hex'),
        ...input,
        iban: normalIban(input.iban),
      },
      ...{ ibanVerified: false, liveOn: null },
    };
    return this.write([...profiles, profile]);
  }

  /** A changed IBAN is to be verified again; the name changes freely. */
  async update(input: { profileId: string; name?: string; iban?: string }): Promise<PaymentProfileView[]> {
    return this.change(input.profileId, (p) => {
      const iban = input.iban === undefined ? p.iban : normalIban(input.iban);
      const ibanVerified = iban === p.iban ? p.ibanVerified : false;
      return { ...p, name: input.name ?? p.name, iban, ibanVerified };
    });
  }

  /**
   * A new key is not live until it passed a test and was taken live. The station's first profile, while
   * the station is live, changes its key only by going live again (Settings → Going live).
   */
  async setApiKey(profileId: string, apiKey: string): Promise<PaymentProfileView[]> {
    const profile = this.find(profileId);
    if (profile.id === MAIN_PROFILE_ID && this.deps.file.read().mode === 'live') {
      throw new ContractFailure('CONFLICT', 'The live profile takes a new key by going live with it again');
    }
    this.deps.secrets.set(profileKeySecret(profileId), apiKey);
    return this.change(profileId, (p) => ({ ...p, liveOn: null }));
  }

  async remove(profileId: string): Promise<PaymentProfileView[]> {
    const profile = this.find(profileId);
    if (profile.id === MAIN_PROFILE_ID && this.deps.file.read().mode === 'live') {
      throw new ContractFailure(
        'CONFLICT',
        'The live station pays with this profile: go back to training first',
      );
    }
    const listed = await this.write(this.stored().filter((p) => p.id !== profileId));
    this.deps.secrets.delete(profileKeySecret(profileId));
    return listed;
  }

  async testConnection(input: { profileId: string; environment: Environment; apiKey?: string }) {
    const { ppid } = this.find(input.profileId);
    const apiKey = input.apiKey ?? this.keyOf(input.profileId);
    await this.deps.tester.test({ environment: input.environment, ppid, apiKey });
    return { environment: input.environment, ok: true as const };
  }

  /** By the same rule as the station's first profile: the stored key passed a test within 10 minutes. */
  async goLive(profileId: string, environment: Environment): Promise<PaymentProfileView[]> {
    const { ppid } = this.find(profileId);
    const apiKey = this.keyOf(profileId);
    if (profileId === MAIN_PROFILE_ID) {
      await this.deps.goLiveMain({ environment, ppid, apiKey });
      return this.list();
    }
    this.deps.tester.assertPassed({ environment, ppid, apiKey });
    return this.change(profileId, (p) => ({ ...p, liveOn: environment }));
  }

  /** The IBAN marked is the one the manager saw: one changed meanwhile stays to be verified. */
  async verifyIban(profileId: string, iban: string): Promise<PaymentProfileView[]> {
    const profile = this.find(profileId);
    if (profile.iban === '' || profile.iban !== normalIban(iban)) {
      throw new ContractFailure('CONFLICT', 'The IBAN changed meanwhile: check the new one', {
        fields: ['iban'],
      });
    }
    return this.change(profileId, (p) => ({ ...p, ibanVerified: true }));
  }

  /** What the first shop's display profile becomes when settings.goLive takes its credentials live. */
  mainWentLive(environment: Environment, ppid: string): Partial<StoredSettings> {
    const profiles = this.stored();
    const main = profiles.find((p) => p.id === MAIN_PROFILE_ID);
    const shopId = this.deps.shopIds()[0] ?? 'shop-1';
    const next: StoredProfile = main
      ? { ...main, ppid, liveOn: environment }
      : {
          id: MAIN_PROFILE_ID,
          shopId,
          kind: 'display',
          name: 'Display',
          ppid,
          iban: '',
          ibanVerified: false,
          liveOn: environment,
        };
    return { paymentProfiles: [next, ...profiles.filter((p) => p.id !== MAIN_PROFILE_ID)] };
  }

  private keyOf(profileId: string): string {
    const key = this.deps.secrets.get(profileKeySecret(profileId));
    if (!key) throw new ContractFailure('NOT_CONFIGURED', 'No API key has been entered for this profile yet');
    return key;
  }

  private find(profileId: string): StoredProfile {
    const profile = this.stored().find((p) => p.id === profileId);
    if (!profile) throw new ContractFailure('NOT_FOUND', `No payment profile ${profileId}`);
    return profile;
  }

  private change(
    profileId: string,
    edit: (p: StoredProfile) => StoredProfile,
  ): Promise<PaymentProfileView[]> {
    this.find(profileId);
    return this.write(this.stored().map((p) => (p.id === profileId ? edit(p) : p)));
  }

  private async write(paymentProfiles: StoredProfile[]): Promise<PaymentProfileView[]> {
    // The older file's top-up profiles are in this list now (settings-upgrade.ts): the upgrade is done.
    await this.deps.apply(this.deps.file.update({ paymentProfiles, topupProfiles: [] }));
    return this.list();
  }
}

/** The top-up workshop prints codes of one amount mode per profile; the other kinds have none. */
function assertAmountMode(input: NewProfile): void {
  if (input.kind === 'topup' && input.amountMode === undefined) {
    throw new ContractFailure('INVALID_INPUT', 'A top-up profile needs its amount mode', {
      fields: ['amountMode'],
    });
  }
  if (input.kind !== 'topup' && input.amountMode !== undefined) {
    throw new ContractFailure('INVALID_INPUT', 'Only a top-up profile has an amount mode', {
      fields: ['amountMode'],
    });
  }
}

import type { SecretStore } from './secret-store';
import type { SettingsFile, StoredSettings } from './settings-file';

/*
 * The settings file and secret store every part of the station is given when it is built
 * (createStation is synchronous), forwarding to the station's own files until a site's shared ones
 * are open (PostgreSQL: station-site-settings.ts), and to those from then on. `written` is
 * told after each change made through them, so the station can tell the other stations of the site.
 */

export class SwitchableSettingsFile implements SettingsFile {
  private written: () => void = () => undefined;

  constructor(private target: SettingsFile) {}

  use(target: SettingsFile, written: () => void): void {
    this.target = target;
    this.written = written;
  }

  read(): StoredSettings {
    return this.target.read();
  }

  update(change: Partial<StoredSettings>): StoredSettings {
    const next = this.target.update(change);
    this.written();
    return next;
  }
}

export class SwitchableSecretStore implements SecretStore {
  private written: () => void = () => undefined;

  constructor(private target: SecretStore) {}

  use(target: SecretStore, written: () => void): void {
    this.target = target;
    this.written = written;
  }

  get file(): string {
    return this.target.file;
  }

  get(name: string): string | null {
    return this.target.get(name);
  }

  set(name: string, value: string): void {
    this.target.set(name, value);
    this.written();
  }

  delete(name: string): void {
    this.target.delete(name);
    this.written();
  }

  verify(): void {
    this.target.verify();
  }
}

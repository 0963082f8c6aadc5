import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/logging/logger';
import { createStation } from '../../electron/core/station';
import { parseStationConfig, StationConfigError } from '../../electron/core/station-config';

const base = {
  dataDir: '/var/lib/kassa',
  migrationsFolder: '/opt/kassa/resources/migrations',
  logger: silentLogger,
};

describe('the station configuration, validated at the door', () => {
  it('fills every default once, and derives the station database’s migrations', () => {
    const config = parseStationConfig(base);
    expect(config.timings).toEqual({
      pollMs: 800,
      sweepMs: 180_000,
      topupSweepMs: null,
      requestTimeoutMs: 10_000,
      backupCheckMs: 30_000,
      rateLimitPerSecond: 5,
      agreementPollMs: 2_000,
    });
    expect(config.stationMigrationsFolder).toBe('/opt/kassa/resources/station-migrations');
    expect(config.environmentUrls.production).toBe('https://merchant.api.bancontact.net');
    expect(config).toMatchObject({ simulatorUrl: null, publicUrl: null, version: '0.0.0' });
    expect(config.secrets.file).toBe('/var/lib/kassa/secrets.json');
  });

  it('keeps what was given, replaces one environment’s URL only, and trims a simulator URL’s slashes', () => {
    const config = parseStationConfig({
      ...base,
      simulatorUrl: 'http://127.0.0.1:4000//',
      environmentUrls: { preprod: 'http://127.0.0.1:4001' },
      pollIntervalMs: 50,
      topupSweepIntervalMs: 150,
      rateLimitPerSecond: 20,
      version: '1.2.3',
    });
    expect(config.simulatorUrl).toBe('http://127.0.0.1:4000');
    expect(config.environmentUrls).toEqual({
      preprod: 'http://127.0.0.1:4001',
      production: 'https://merchant.api.bancontact.net',
    });
    expect(config.timings).toMatchObject({ pollMs: 50, topupSweepMs: 150, rateLimitPerSecond: 20 });
    expect(config.version).toBe('1.2.3');
  });

  it('treats an option passed as undefined (a flag not given) like an absent one', () => {
    expect(
      parseStationConfig({ ...base, pollIntervalMs: undefined, publicUrl: undefined }).timings.pollMs,
    ).toBe(800);
  });

  it('refuses a relative data folder and a negative interval, naming each field, before anything opens', () => {
    const bad = { ...base, dataDir: 'kassa-data', sweepIntervalMs: -5 };
    expect(() => parseStationConfig(bad)).toThrow(StationConfigError);
    expect(() => parseStationConfig(bad)).toThrow(/dataDir must be an absolute path/);
    expect(() => parseStationConfig(bad)).toThrow(/sweepIntervalMs/);
    expect(() => createStation(bad)).toThrow(/The station's configuration is invalid/);
  });

  it('refuses a zero or fractional interval, a rate limit of 0, and a URL that is not http(s)', () => {
    const problems = (options: object): string[] => {
      try {
        parseStationConfig({ ...base, ...options });
        return [];
      } catch (error) {
        return (error as StationConfigError).problems;
      }
    };
    expect(problems({ pollIntervalMs: 0 })).toHaveLength(1);
    expect(problems({ requestTimeoutMs: 1.5 })).toHaveLength(1);
    expect(problems({ rateLimitPerSecond: 0 })).toHaveLength(1);
    expect(problems({ publicUrl: 'ftp://example.com' })[0]).toMatch(/^publicUrl /);
    expect(problems({ environmentUrls: { staging: 'http://127.0.0.1:1' } })[0]).toMatch(/environmentUrls/);
  });

  it('takes a PostgreSQL site address, and refuses another kind without ever quoting it (it may hold a password)', () => {
    const url = 'postgres://kassa:s3cret@db.example:5432/kassa';
    expect(parseStationConfig({ ...base, database: url }).database).toBe(url);
    expect(parseStationConfig(base).database).toBeNull();
    for (const database of ['mysql://kassa:s3cret@db/kassa', 'postgres://kassa:s3cret@db/Kassa-Site']) {
      let message = '';
      try {
        parseStationConfig({ ...base, database });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/database must/);
      expect(message).not.toContain('s3cret');
    }
  });
});

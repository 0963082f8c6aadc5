import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/domain/money';
import { SEPA_TEXT_FIELDS } from '../../shared/domain/sepa-charset';
import { catalogues, createI18n } from '../../renderer/src/i18n';
import { errorText, fieldLabel } from '../../renderer/src/i18n/error-text';
import { contractFields, stationReportedFields } from '../support/contract-fields';

const LOCALES: Locale[] = ['en', 'nl', 'fr'];
const { paths, sepa } = contractFields();
const segmentsOf = (path: string) => path.split('.');
/** The name a label is looked up by: the path's last part. */
const leaves = new Set(
  [...paths].map((path) => segmentsOf(path).at(-1) ?? '').filter((leaf) => leaf !== '#'),
);
/** The lists whose items a path can point into (`lines` in `basket.lines.#.quantity`). */
const lists = new Set(
  [...paths].flatMap((path) => segmentsOf(path).filter((_, at, all) => all[at + 1] === '#')),
);
const station = stationReportedFields(process.cwd());

const text = (locale: Locale, key: 'fields' | 'fieldItems', name: string) =>
  (catalogues[locale][key] as Record<string, string | undefined>)[name];

describe('field names in errors', () => {
  it('finds the fields in the contract’s schemas, nested ones and list items included', () => {
    // A walk that found nothing would make every check below pass: these are known to exist.
    expect(paths).toContain('debtorIban');
    expect(paths).toContain('description');
    expect(paths).toContain('basket.lines.#.quantity');
    expect(paths).toContain('grid.rows');
    expect(lists).toContain('lines');
    expect(leaves.size).toBeGreaterThan(80);
    expect(station).toContain('reference');
  });

  it.each(LOCALES)('has a label for every field a contract call can name, in %s', (locale) => {
    const missing = [...leaves, ...station].filter((name) => !text(locale, 'fields', name)?.trim());
    expect(missing).toEqual([]);
    const missingItems = [...lists].filter((list) => !text(locale, 'fieldItems', list)?.includes('{{n}}'));
    expect(missingItems).toEqual([]);
  });

  it('names each schema field that takes only SEPA characters, so its error can say which', () => {
    expect([...sepa].length).toBeGreaterThan(0);
    for (const path of sepa) expect(SEPA_TEXT_FIELDS).toContain(segmentsOf(path).at(-1));
  });

  it('shows the user’s words, the line a nested field is on, and never an internal name', async () => {
    const i18n = createI18n('en');
    const check = (fields: string[]) => errorText(i18n.t, { code: 'INVALID_INPUT', fields });
    expect(check(['debtorIban', 'executionDate'])).toBe(
      'Some of the data is not valid. Check: organiser’s IBAN, execution date',
    );
    expect(check(['basket.lines.2.quantity'])).toBe('Some of the data is not valid. Check: line 3: quantity');
    expect(fieldLabel(i18n.t, 'basket.lines.0')).toBe('line 1');
    expect(check(['internalThing'])).toBe('Some of the data is not valid.');
    expect(check(['(input)', 'ppid'])).toBe('Some of the data is not valid. Check: payment profile id');
    await i18n.changeLanguage('nl');
    expect(check(['tills.1.vatRate'])).toBe(
      'Sommige gegevens zijn niet geldig. Controleer: kassa 2: btw-tarief',
    );
  });

  it.each(LOCALES)('says which characters a SEPA field takes, in %s', async (locale) => {
    const i18n = createI18n(locale);
    const said = errorText(i18n.t, { code: 'INVALID_INPUT', fields: ['description'] });
    expect(said).toContain(text(locale, 'fields', 'description'));
    expect(said).toContain("/ - ? : ( ) . , ' +");
    expect(said).toContain('é, €, &');
    expect(errorText(i18n.t, { code: 'INVALID_INPUT', fields: ['eventName'] })).not.toContain('é, €');
  });
});

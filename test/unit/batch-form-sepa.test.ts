import { describe, expect, it } from 'vitest';
import { isSepaText } from '../../shared/domain/sepa-charset';
import { draftProblem, EMPTY_DRAFT, outsideSepa } from '../../renderer/src/features/topup/batch-form';
import { createI18n } from '../../renderer/src/i18n';

const draft = (description: string) => ({ ...EMPTY_DRAFT, amount: '20', eventName: 'Fest', description });

describe('a batch description outside the SEPA character set', () => {
  it('is caught before it goes to the station, naming each character it cannot hold once', () => {
    expect(draftProblem(draft('Café & bar € 5_'))).toBe('descriptionCharacters');
    expect(outsideSepa('Café & bar € 5_é')).toEqual(['é', '&', '€', '_']);
    // What the organiser can type instead passes, and agrees with the station's own rule.
    expect(draftProblem(draft("Cafe (bar) 5 EUR / top-up: 'A+'?"))).toBeNull();
    expect(isSepaText("Cafe (bar) 5 EUR / top-up: 'A+'?", 35)).toBe(true);
  });

  it.each([
    ['en', 'The description cannot hold é €: only letters without accents'],
    ['nl', 'De omschrijving kan geen é € bevatten: alleen letters zonder accenten'],
    ['fr', 'La description ne peut pas contenir é € : seuls les lettres sans accents'],
  ] as const)('says which characters and which are allowed (%s)', (locale, start) => {
    const { t } = createI18n(locale);
    const text = t('topup.problems.descriptionCharacters', { characters: outsideSepa('Café €').join(' ') });
    expect(text.startsWith(start)).toBe(true);
    expect(text).toContain("/ - ? : ( ) . , ' +");
  });
});

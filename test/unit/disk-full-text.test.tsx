// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { errorText } from '../../renderer/src/i18n/error-text';

const error = {
  code: 'DISK_FULL' as const,
  message: "The disk holding Kassa's data is full: free space on /media/kassa/data",
  folder: '/media/kassa/data',
};

describe('the disk-full text the cashier reads', () => {
  it.each([
    ['en', /^The disk holding Kassa's data is full.*Data folder: \/media\/kassa\/data$/],
    ['nl', /^De schijf met de gegevens van Kassa is vol.*Gegevensmap: \/media\/kassa\/data$/],
    ['fr', /^Le disque qui contient les données de Kassa est plein.*Dossier des données : \/media\/kassa\/data$/],
  ] as const)('%s names the folder to free space on, unescaped', (locale, expected) => {
    expect(errorText(createI18n(locale).t, error)).toMatch(expected);
  });

  it('reads as before without a folder', () => {
    const { t } = createI18n('en');
    expect(errorText(t, { code: 'DISK_FULL' })).toBe(t('errors.DISK_FULL'));
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/contract';
import type { AmountProblem } from '../../shared/domain/money';
import { catalogues, createI18n } from '../../renderer/src/i18n';
import { errorText } from '../../renderer/src/i18n/error-text';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const en = leaves(catalogues.en);
const AMOUNT_PROBLEMS: AmountProblem[] = ['empty', 'not_a_number', 'too_many_decimals', 'zero', 'negative', 'too_large'];

describe('catalogues', () => {
  it.each(['nl', 'fr'] as const)('%s has exactly the English keys', (locale) => {
    expect([...leaves(catalogues[locale]).keys()].sort()).toEqual([...en.keys()].sort());
  });

  it.each(['en', 'nl', 'fr'] as const)('%s has no empty text and keeps every placeholder', (locale) => {
    const texts = leaves(catalogues[locale]);
    for (const [key, text] of texts) {
      expect(text.trim(), key).not.toBe('');
      const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
      expect(placeholders(text), key).toEqual(placeholders(en.get(key) ?? ''));
    }
  });

  it.each(['nl', 'fr'] as const)('%s is really translated, not a copy of English', (locale) => {
    const texts = leaves(catalogues[locale]);
    const same = [...texts].filter(([key, text]) => en.get(key) === text).map(([key]) => key);
    // Brand names, language names and a few words shared by the languages may stay as they are.
    expect(same.length / texts.size).toBeLessThan(0.15);
  });

  it('translates every contract error code and amount problem in all three languages', () => {
    for (const locale of ['en', 'nl', 'fr'] as const) {
      const texts = leaves(catalogues[locale]);
      for (const code of ERROR_CODES) expect(texts.get(`errors.${code}`), `${locale} ${code}`).toBeTruthy();
      for (const problem of AMOUNT_PROBLEMS) expect(texts.get(`amountProblem.${problem}`)).toBeTruthy();
    }
  });

  it('keeps the English texts the end-to-end tests look for', () => {
    expect(en.get('till.amount')).toBe('Amount');
    expect(en.get('till.pay')).toBe('Pay with Bancontact');
    expect(en.get('phase.waiting')).toBe('Waiting for customer');
    expect(en.get('training.title')).toBe('Customer (training)');
    expect(en.get('customer.phase.paid')).toBe('Paid — thank you');
    expect(en.get('errors.BANCONTACT_UNAUTHORIZED')).toBe('Bancontact refused the API key');
  });
});

describe('i18n instance', () => {
  it('switches language at once and names wrong fields in the user language', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('customer.welcome')).toBe('Welcome');
    await i18n.changeLanguage('nl');
    expect(i18n.t('customer.welcome')).toBe('Welkom');
    expect(errorText(i18n.t, { code: 'INVALID_INPUT', fields: ['ppid'] })).toBe(
      'Sommige gegevens zijn niet geldig. Controleer: betaalprofiel-id',
    );
    await i18n.changeLanguage('fr');
    expect(i18n.t('customer.welcome')).toBe('Bienvenue');
    // A field without a label is left out, never shown by its internal name.
    expect(errorText(i18n.t, { code: 'INVALID_INPUT', fields: ['mystery'] })).toBe(
      'Certaines données ne sont pas valides.',
    );
  });
});

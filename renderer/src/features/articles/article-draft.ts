import type { ArticleView } from '../../../../shared/contract';
import { VAT_RATES } from '../../../../shared/domain/cash';
import { MAX_PAYMENT_CENTS } from '../../../../shared/domain/money';

/** The form's fields as typed: the price as text with a decimal comma or point. */
export interface ArticleDraft {
  id?: string;
  name: string;
  price: string;
  vatRate: number;
  category: string;
  colour: string;
  barcode: string;
  active: boolean;
  shopIds: string[];
  position: number;
}

export function emptyDraft(category = ''): ArticleDraft {
  return {
    name: '',
    price: '',
    vatRate: VAT_RATES[0],
    category,
    colour: '#4a6fa5',
    barcode: '',
    active: true,
    shopIds: [],
    position: 0,
  };
}

export function draftOf(article: ArticleView, decimal: ',' | '.'): ArticleDraft {
  const { priceCents, barcode, ...rest } = article;
  return { ...rest, price: priceText(priceCents, decimal), barcode: barcode ?? '' };
}

export function priceText(cents: number, decimal: ',' | '.'): string {
  return `${Math.floor(cents / 100)}${decimal}${String(cents % 100).padStart(2, '0')}`;
}

/** Euros as a Belgian types them (`2,50`, `2.50`, `3`), in cents; null when it is no price. */
export function priceCents(text: string): number | null {
  const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/^€\s*/, ''));
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_PAYMENT_CENTS ? cents : null;
}

export type SaveInput = Omit<ArticleDraft, 'price' | 'barcode'> & {
  priceCents: number;
  barcode: string | null;
};

/** What `articles.save` takes, or null while the name or the price cannot be sent. */
export function saveInput(draft: ArticleDraft): SaveInput | null {
  const cents = priceCents(draft.price);
  if (cents === null || draft.name.trim() === '') return null;
  const { price: _price, barcode, ...rest } = draft;
  return { ...rest, name: draft.name.trim(), priceCents: cents, barcode: barcode.trim() || null };
}

import { spreadInProportion } from '../../../shared/domain/basket';
import { splitVat } from '../../../shared/domain/cash';
import type { VatPart } from './booking';

/**
 * A sale's VAT per rate as one text column of a raw row (`rate:gross:vat;…`), read beside the tender
 * it is spread over. string_agg exists on both engines (SQLite since 3.44); the order is the station's.
 */
export const SALE_VAT_COLUMN = `(SELECT string_agg(CAST(v.vat_rate AS TEXT) || ':' || CAST(v.gross_cents AS TEXT)
  || ':' || CAST(v.vat_cents AS TEXT), ';') FROM sale_vat v WHERE v.sale_id = s.id) AS "saleVat"`;

/**
 * A tender's amount per VAT rate (docs/register-rules.md). With the sale's `sale_vat` rows, the amount
 * is spread over them in proportion to their gross, and the VAT in it likewise over their VAT, so a
 * sale paid by one tender books exactly the sale's own figures. A sale from before baskets counts at
 * its own rate, its VAT split from the amount. Highest rate first.
 */
export function vatParts(saleVat: string | null, saleRate: number | null, amountCents: number): VatPart[] {
  const rates = parseSaleVat(saleVat);
  if (rates.length === 0) {
    if (saleRate === null) return [];
    return [
      { vatRate: saleRate, grossCents: amountCents, vatCents: splitVat(amountCents, saleRate).vatCents },
    ];
  }
  const saleGross = rates.reduce((n, r) => n + r.grossCents, 0);
  if (saleGross === amountCents) return rates;
  const saleVatCents = rates.reduce((n, r) => n + r.vatCents, 0);
  const gross = spreadInProportion(
    amountCents,
    rates.map((r) => r.grossCents),
  );
  const vatCents = saleGross === 0 ? 0 : Math.round((saleVatCents * amountCents) / saleGross);
  const vat = spreadInProportion(
    vatCents,
    rates.map((r) => r.vatCents),
  );
  return rates.map((r, i) => ({ vatRate: r.vatRate, grossCents: gross[i] ?? 0, vatCents: vat[i] ?? 0 }));
}

function parseSaleVat(text: string | null): VatPart[] {
  if (!text) return [];
  return text
    .split(';')
    .map((part) => {
      const [vatRate, grossCents, vatCents] = part.split(':').map(Number);
      return { vatRate: vatRate ?? 0, grossCents: grossCents ?? 0, vatCents: vatCents ?? 0 };
    })
    .sort((a, b) => b.vatRate - a.vatRate);
}

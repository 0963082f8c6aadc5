import { ContractFailure } from '../../../shared/contract';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import { formatDay, localTime } from '../../../shared/domain/business-day';
import { vatRatesInForce } from '../../../shared/domain/vat-rates';

const invalid = (field: string, message: string): ContractFailure =>
  new ContractFailure('INVALID_INPUT', message, { fields: [field] });

/**
 * What no single field can check: tills name shops that exist, shop ids are unique, and the default
 * VAT rate and each till's rate are in force today (Brussels) by the setup's own VAT rates, so a rate
 * the setup ends or never had cannot be sold at.
 */
export function checkSalesSetup(next: SalesSetupView, now: number): void {
  const shopIds = new Set(next.shops.map((s) => s.id));
  const unknown = next.tills.findIndex((t) => t.shopId !== undefined && !shopIds.has(t.shopId));
  if (unknown >= 0) {
    const till = next.tills[unknown];
    throw invalid(
      `tills.${unknown}.shopId`,
      `Till ${till?.tillId} names shop ${till?.shopId}, which is not a shop`,
    );
  }
  if (shopIds.size !== next.shops.length) throw invalid('shops', 'Two shops have the same id');
  const today = formatDay(localTime(now).day);
  const inForce = vatRatesInForce(next.vatRates, today);
  const notInForce = (rate: number) =>
    `${rate} % is not a VAT rate in force on ${today} (${inForce.join(', ')} are)`;
  if (!inForce.includes(next.defaultVatRate))
    throw invalid('defaultVatRate', notInForce(next.defaultVatRate));
  const tillAt = next.tills.findIndex((t) => t.vatRate !== undefined && !inForce.includes(t.vatRate));
  if (tillAt >= 0) throw invalid(`tills.${tillAt}.vatRate`, notInForce(next.tills[tillAt]?.vatRate ?? 0));
}

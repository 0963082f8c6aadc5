import type { SalesSetupView } from '../../../shared/contract/report-views';
import { formatDay, localTime } from '../../../shared/domain/business-day';
import { vatRatesInForce } from '../../../shared/domain/vat-rates';

/**
 * What the sales setup allows an article: a VAT rate in force today (Brussels), as the setup's dated
 * rates say, and the setup's shops. Read at each call, so a changed setup applies at once.
 */
export function salesSetupRules(setup: () => SalesSetupView, now: () => number) {
  return {
    vatRates: () => vatRatesInForce(setup().vatRates, formatDay(localTime(now()).day)),
    shops: () => setup().shops,
  };
}

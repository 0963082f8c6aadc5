import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BusinessForm } from './BusinessForm';
import { LogoSection } from './LogoSection';
import { SalesRulesForm } from './SalesRulesForm';
import { ShopsEditor } from './ShopsEditor';
import { TillsEditor } from './TillsEditor';
import { useSetup } from './use-setup';
import { VatRatesEditor } from './VatRatesEditor';

/**
 * Settings → Shops and sales: the business identity and logo, the shops, the VAT rates with their
 * dates, the sales rules and each till's overrides, in place of the hand-edited sales-setup.json.
 * Each part saves on its own; the Settings screen is an administrator's, as the station's methods are.
 */
export function SalesSetupSection() {
  const { t } = useTranslation();
  const { setup, loadError, save } = useSetup();
  return (
    <section className="settings-section sales-setup" aria-labelledby="sales-setup-title">
      <h2 id="sales-setup-title">{t('salesSetup.title')}</h2>
      <p className="muted">{t('salesSetup.explained')}</p>
      {loadError && <ErrorAlert error={loadError} />}
      {!setup && !loadError && <p className="muted">{t('app.loading')}</p>}
      {setup && (
        // Each form keeps its draft from the setup it first saw; a Save answers with the station's view.
        <div>
          <BusinessForm setup={setup} save={save} />
          <LogoSection />
          <ShopsEditor setup={setup} save={save} />
          <VatRatesEditor setup={setup} save={save} />
          <SalesRulesForm setup={setup} save={save} />
          <TillsEditor setup={setup} save={save} />
        </div>
      )}
    </section>
  );
}

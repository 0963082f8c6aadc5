import { useTranslation } from 'react-i18next';

const STEPS = ['warning', 'details', 'proceed', 'install'] as const;

/** Short steps for a browser user meeting the station's self-made certificate. */
export function TrustSteps() {
  const { t } = useTranslation();
  return (
    <section className="pair-trust" aria-labelledby="trust-title">
      <h2 id="trust-title">{t('pair.trustTitle')}</h2>
      <ol>
        {STEPS.map((step) => (
          <li key={step}>{t(`pair.trust.${step}`)}</li>
        ))}
      </ol>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementTillView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { QrCode } from '../../components/QrCode';
import { useLocale } from '../../i18n';

/** How often the display asks for the QR while the agreement waits for the customer. */
const FOLLOW_MS = 1_000;

/**
 * A recurring payment sold at the till: its sale has no Bancontact payment, so the QR is the
 * agreement's (PPRO's SCAN_CODE), with what scanning it does, in the display's language.
 */
export function AgreementQr({ tillId, saleId }: { tillId: string; saleId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agreement = useTillAgreement(tillId, saleId);
  if (!agreement?.codePayload) return null;
  return (
    <section className="customer-agreement" data-testid="customer-agreement">
      <p className="customer-label">{t('tillAgreement.displayTitle')}</p>
      <p className="customer-agreement-hint">
        {t('tillAgreement.displayHint', { amount: formatMoney(agreement.amountCents, locale) })}
      </p>
      <div className="qr-frame qr-frame-large">
        <QrCode value={agreement.codePayload} size={360} />
      </div>
    </section>
  );
}

function useTillAgreement(tillId: string, saleId: string): AgreementTillView | null {
  const [agreement, setAgreement] = useState<AgreementTillView | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      void call('agreements.getForTill', { tillId }).then((result) => {
        if (!stopped && result.ok) setAgreement(result.value?.saleId === saleId ? result.value : null);
      });
    load();
    const timer = setInterval(load, FOLLOW_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [tillId, saleId]);
  return agreement;
}

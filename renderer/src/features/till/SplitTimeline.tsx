import { useTranslation } from 'react-i18next';
import type { SaleView, TenderView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from './format-time';
import { TimelineFrame, TimelineTable, useTimeline } from './TimelineDialog';

/** A sale paid in parts: each tender with its own timeline (a Bancontact part's status history). */
export function SplitTimelineDialog({ sale, onClose }: { sale: SaleView; onClose: () => void }) {
  return (
    <TimelineFrame onClose={onClose} focusKey={sale.id} data={{ 'data-sale-id': sale.id }}>
      {(sale.tenders ?? []).map((tender, index) => (
        <TenderTimeline key={index} tender={tender} />
      ))}
    </TimelineFrame>
  );
}

function TenderTimeline({ tender }: { tender: TenderView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <section className="tender-timeline" data-method={tender.method}>
      <h4>
        {t(`register.methods.${tender.method}`)} {money(tender.amountCents)}
        {tender.status === 'succeeded' ? '' : ` (${t(`split.status.${tender.status}`)})`}
      </h4>
      {tender.paymentId ? (
        <PaymentTimeline paymentId={tender.paymentId} />
      ) : (
        <table className="timeline">
          <tbody>
            <tr>
              <td>
                <time dateTime={tender.at}>{formatMoment(tender.at, locale, { seconds: true })}</time>
              </td>
              <td>
                {tender.cash
                  ? t('register.cashTimeline', {
                      received: money(tender.cash.tenderedCents),
                      change: money(tender.cash.changeCents),
                    })
                  : t('register.wristbandTimeline', { id: tender.wristbandId ?? '' })}
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}

function PaymentTimeline({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation();
  const loaded = useTimeline(paymentId);
  if (loaded.kind === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (loaded.kind === 'error') return <ErrorAlert error={loaded.error} />;
  return <TimelineTable entries={loaded.entries} />;
}

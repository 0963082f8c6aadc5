import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TILL_ID, type SaleView } from '../../../../shared/contract';
import { NoticeAlert, type Notice } from '../../components/ErrorAlert';
import { useStation } from '../../components/station-context';
import { PrinterNotice } from '../receipts/PrinterNotice';
import { ReceiptPreview } from '../receipts/ReceiptPreview';
import { TrainingCustomerPanel } from '../training/TrainingCustomerPanel';
import { AgreementSale, type AgreementArticle } from './AgreementSale';
import { AmountEntry } from './AmountEntry';
import { ArticleGrid } from './ArticleGrid';
import { articleByBarcode, priceOf } from './basket-state';
import { useBarcodeScanner } from './barcode-scanner';
import { BasketPanel } from './BasketPanel';
import { CurrentSale, PendingSale } from './CurrentSale';
import { PayGate } from './PayGate';
import { RecentSales } from './RecentSales';
import { SaleActions } from './SaleActions';
import { SecondTenderPanel } from './SecondTender';
import { awaitsNextPart, partsTaken } from './split-sale';
import { SplitPart } from './SplitPart';
import { SplitSale } from './SplitSale';
import { useArticles } from './use-articles';
import { usePaymentSound } from './use-payment-sound';
import { useRegister, type RegisterMessage } from './use-register';
import { SETUP_FALLBACK } from './use-sales-setup';
import { useSession } from '../staff/session-context';

/** The payment problem is already explained on the sale; the same error twice would only be noise. */
function visibleNotice(notice: Notice | null, sale: SaleView | null): Notice | null {
  if (notice?.kind === 'error' && notice.error.code === sale?.payment?.problem?.code) return null;
  return notice;
}

function MessageAlert({ message }: { message: RegisterMessage | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="alert" role="alert">
      {message.key === 'unknownCode'
        ? t('register.unknownCode', { code: message.code })
        : t('register.emptyBasket')}
    </p>
  );
}

/** The sale being paid: its status and QR, the cash or wristband panel, and the training customer. */
function SaleColumn({ register }: { register: ReturnType<typeof useRegister> }) {
  const { t } = useTranslation();
  const { mode } = useStation();
  const { till } = register;
  const { sale, busy } = till;
  const splitActions = {
    onPayRest: register.payRest,
    onSplitRest: register.splitRest,
    onCancelSale: register.cancelSale,
  };
  return (
    <section className="till-sale" aria-labelledby="current-sale-title">
      <h2 id="current-sale-title">{t('till.currentSale')}</h2>
      <PrinterNotice />
      {register.gate ? (
        <PayGate
          gate={register.gate}
          onConfirm={register.confirm}
          onDrawerOpened={register.drawerOpened}
          onClose={register.closeGate}
        />
      ) : till.pending !== null ? (
        <PendingSale cents={till.pending} />
      ) : sale && awaitsNextPart(sale) ? (
        <SplitSale sale={sale} busy={busy} {...splitActions} />
      ) : sale ? (
        <>
          <CurrentSale sale={sale} />
          {partsTaken(sale) && <SplitSale sale={sale} busy={busy} {...splitActions} />}
          <SaleActions
            sale={sale}
            busy={busy}
            onCancel={() => till.act('till.cancelPayment')}
            onRetry={() => void till.act('till.retryPayment')}
            onNewSale={register.newSale}
          />
        </>
      ) : (
        <p className="muted no-sale">{t('till.noSale')}</p>
      )}
      {sale?.status === 'paid' && !register.splitEntry && <ReceiptPreview saleId={sale.id} />}
      {mode === 'training' && (
        <TrainingCustomerPanel sale={sale} busy={busy} onAction={(action) => void till.act(action)} />
      )}
    </section>
  );
}

/**
 * Cash, wristband or one part's amount take the whole width: their numpad fills the amount, nothing
 * else is tapped now. A drawer to open or a payment being created show in the sale column instead.
 */
function TenderColumn({ register }: { register: ReturnType<typeof useRegister> }) {
  const { t } = useTranslation();
  const { till, second, splitEntry } = register;
  return (
    <section className="till-tender" aria-labelledby="current-sale-title">
      <h2 id="current-sale-title">{t('till.currentSale')}</h2>
      <PrinterNotice />
      {second.tender ? (
        <SecondTenderPanel
          tender={second.tender}
          onNewSale={register.newSale}
          onPaid={register.tenderPaid}
          onPartTaken={register.partTaken}
          onBack={second.clear}
        />
      ) : (
        splitEntry && (
          <SplitPart
            entry={splitEntry}
            busy={till.busy}
            onPick={register.payPart}
            onBack={register.closeSplit}
          >
            <NoticeAlert notice={visibleNotice(till.notice, till.sale)} />
          </SplitPart>
        )
      )}
    </section>
  );
}

export function TillScreen() {
  const { t } = useTranslation();
  const register = useRegister();
  const articles = useArticles();
  // An article with a recurring plan is sold alone, through its own form (AgreementSale).
  const [agreementArticle, setAgreementArticle] = useState<AgreementArticle | null>(null);
  const tillId = useSession()?.view?.device?.tillId ?? DEFAULT_TILL_ID;
  const { till, second, basket } = register;
  const { sale, busy } = till;
  const locked =
    sale?.status === 'open' ||
    till.pending !== null ||
    second.tender !== null ||
    register.splitEntry !== null;
  const priced = priceOf(basket);
  const splitting = register.splitEntry !== null && register.gate === null && till.pending === null;
  usePaymentSound(sale);

  useBarcodeScanner((code) => {
    const article = articleByBarcode(articles, code);
    if (article) register.edit({ type: 'addArticle', article });
    else register.setMessage({ key: 'unknownCode', code });
  }, !locked);

  return (
    <main className="till register">
      {second.tender || splitting ? (
        <TenderColumn register={register} />
      ) : (
        <>
          <section className="till-catalogue" aria-label={t('register.catalogue')}>
            <ArticleGrid
              articles={articles}
              disabled={locked}
              onTap={(article) =>
                article.recurringPlan
                  ? setAgreementArticle(article)
                  : register.edit({ type: 'addArticle', article })
              }
              keypad={
                <AmountEntry
                  text={register.text}
                  dispatch={register.typeAmount}
                  busy={busy || locked}
                  onAdd={() => void register.addTyped()}
                  vatRate={register.vatRate}
                />
              }
            />
          </section>
          <section className="till-basket" aria-labelledby="basket-title">
            <h2 id="basket-title">{t('register.basket')}</h2>
            <BasketPanel
              basket={basket}
              priced={priced}
              edit={register.edit}
              locked={locked}
              busy={busy}
              discountLimitPercent={
                register.setup?.discountLimitPercent ?? SETUP_FALLBACK.discountLimitPercent
              }
              onPay={register.pay}
            />
            <MessageAlert message={register.message} />
            <NoticeAlert notice={visibleNotice(till.notice, sale)} />
          </section>
          <SaleColumn register={register} />
        </>
      )}
      <RecentSales />
      {agreementArticle && (
        <AgreementSale article={agreementArticle} tillId={tillId} onClose={() => setAgreementArticle(null)} />
      )}
    </main>
  );
}

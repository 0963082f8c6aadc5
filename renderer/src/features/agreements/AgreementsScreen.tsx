import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_PAGE_SIZE, type AgreementPageView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { AGREEMENT_STATUSES } from '../../../../shared/domain/recurring-plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { AgreementDetail } from './AgreementDetail';
import { chargesText, formatAt, periodText, statusText } from './agreement-text';
import { useAgreementList, type AgreementFilter } from './use-agreements';

/**
 * The payment agreements sold at the tills (managers): filter by status, search by the consumer's name,
 * page through them, open one to see its charges.
 */
export function AgreementsScreen() {
  const { t } = useTranslation();
  const list = useAgreementList();
  const [openId, setOpenId] = useState<string | null>(null);
  if (openId) {
    const back = () => {
      setOpenId(null);
      list.reload();
    };
    return (
      <main className="reports agreements-screen">
        <AgreementDetail agreementId={openId} onBack={back} />
      </main>
    );
  }
  return (
    <main className="reports agreements-screen">
      <section className="reports-section">
        <h1 id="agreements-title">{t('agreements.title')}</h1>
        <p className="muted">{t('agreements.explained')}</p>
        <AgreementFilters initial={list.filter} onApply={list.apply} />
        {list.shown.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {list.shown.kind === 'error' && <ErrorAlert error={list.shown.error} />}
        {list.shown.kind === 'ok' && (
          <AgreementTable page={list.shown.value} filtered={isFiltered(list.filter)} onOpen={setOpenId} />
        )}
        <div className="pager">
          {list.hasPrevious && (
            <button type="button" className="button" onClick={list.previous}>
              {t('agreements.previous')}
            </button>
          )}
          {list.shown.kind === 'ok' && list.shown.value.total > 0 && (
            <span className="muted">
              {t('agreements.shown', {
                from: list.offset + 1,
                to: list.offset + list.shown.value.agreements.length,
                total: list.shown.value.total,
              })}
            </span>
          )}
          {list.hasNext && (
            <button type="button" className="button" onClick={list.next}>
              {t('agreements.next')}
            </button>
          )}
        </div>
      </section>
    </main>
  );
}

const isFiltered = (filter: AgreementFilter) => filter.status !== '' || filter.search.trim() !== '';

function AgreementFilters(props: { initial: AgreementFilter; onApply: (filter: AgreementFilter) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(props.initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(form);
  };
  return (
    <form className="transaction-filters agreement-filters" onSubmit={submit} noValidate>
      <div className="filter-field">
        <label htmlFor="agreement-status">{t('agreements.status')}</label>
        <select
          id="agreement-status"
          value={form.status}
          onChange={(e) => {
            const next = { ...form, status: e.target.value as AgreementFilter['status'] };
            setForm(next);
            // A status is one tap: the list follows at once.
            props.onApply(next);
          }}
        >
          <option value="">{t('agreements.allStatuses')}</option>
          {AGREEMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`agreements.statusName.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="agreement-search">{t('agreements.search')}</label>
        <input
          id="agreement-search"
          type="search"
          maxLength={100}
          value={form.search}
          onChange={(e) => setForm({ ...form, search: e.target.value })}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('agreements.find')}
        </button>
      </div>
    </form>
  );
}

function AgreementTable(props: { page: AgreementPageView; filtered: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (props.page.agreements.length === 0) {
    return <p className="muted">{t(props.filtered ? 'agreements.noMatch' : 'agreements.none')}</p>;
  }
  const columns = ['consumer', 'what', 'amount', 'period', 'charges', 'status', 'next', 'created'];
  return (
    <div className="table-scroll">
      <table
        className="agreement-table"
        aria-labelledby="agreements-title"
        data-page-size={AGREEMENT_PAGE_SIZE}
      >
        <thead>
          <tr>
            {/* Open comes first: a row is reached without scrolling sideways at 1024 px. */}
            <th aria-hidden="true" />
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`agreements.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.page.agreements.map((agreement) => (
            <tr key={agreement.id} data-status={agreement.status}>
              <td>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => props.onOpen(agreement.id)}
                >
                  {t('agreements.open')}
                </button>
              </td>
              <td>{agreement.consumerName}</td>
              <td>
                {agreement.description}
                {/* The kind under what was sold: one column less at 1024 px. */}
                <div className="muted">{t(`agreements.kind.${agreement.kind}`)}</div>
              </td>
              <td className="number">{formatMoney(agreement.amountCents, locale)}</td>
              <td>{periodText(t, agreement, locale)}</td>
              <td>{chargesText(t, agreement)}</td>
              <td>{statusText(t, agreement)}</td>
              <td>{formatAt(agreement.nextChargeAt, locale)}</td>
              <td>{formatAt(agreement.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

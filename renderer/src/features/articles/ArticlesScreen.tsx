import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView, ContractError } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { DownloadLink, useDownload } from '../reports/DownloadLink';
import { draftOf, emptyDraft, type ArticleDraft, type SaveInput } from './article-draft';
import { ArticleForm } from './ArticleForm';
import { ArticleImport } from './ArticleImport';
import { groupedByCategory, useCatalogue } from './use-articles';

/** Managers keep the catalogue the tills sell from: by hand, or as a CSV file to and from a spreadsheet. */
export function ArticlesScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const catalogue = useCatalogue();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<ArticleDraft | null>(null);
  const decimal = locale === 'en' ? '.' : ',';

  const save = async (input: SaveInput): Promise<ContractError | null> => {
    const result = await call('articles.save', input);
    if (!result.ok) return result.error;
    setEditing(null);
    await catalogue.reload();
    return null;
  };

  return (
    <main className="settings articles-screen">
      <div className="section-head">
        <h1>{t('articles.title')}</h1>
        <div className="section-actions">
          <button type="button" className="button button-primary" onClick={() => setEditing(emptyDraft())}>
            {t('articles.add')}
          </button>
          <ArticleImport />
          <ArticleExport />
        </div>
      </div>
      {editing && (
        <ArticleForm
          key={editing.id ?? 'new'}
          initial={editing}
          shops={catalogue.shops}
          vatRates={catalogue.vatRates}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      <label className="article-search">
        {t('articles.search')}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {catalogue.error && <ErrorAlert error={catalogue.error} />}
      {catalogue.articles === null ? (
        !catalogue.error && <p className="muted">{t('app.loading')}</p>
      ) : catalogue.articles.length === 0 ? (
        <p className="muted">{t('articles.none')}</p>
      ) : (
        groupedByCategory(catalogue.articles, search).map(([category, articles]) => (
          <CategoryTable
            key={category}
            category={category}
            articles={articles}
            onEdit={(article) => setEditing(draftOf(article, decimal))}
          />
        ))
      )}
    </main>
  );
}

function CategoryTable(props: {
  category: string;
  articles: ArticleView[];
  onEdit: (a: ArticleView) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = props.category || t('articles.noCategory');
  return (
    <section className="article-category" aria-label={title}>
      <h2>{title}</h2>
      <table className="article-table">
        <thead>
          <tr>
            <th>{t('articles.field.name')}</th>
            <th>{t('articles.field.price')}</th>
            <th>{t('articles.field.vat')}</th>
            <th>{t('articles.field.barcode')}</th>
            <th>{t('articles.field.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.articles.map((article) => (
            <tr key={article.id} className={article.active ? undefined : 'inactive'}>
              <td>
                <span className="article-swatch" style={{ background: article.colour }} aria-hidden="true" />
                {article.name}
              </td>
              <td>
                {formatMoney(article.priceCents, locale)}
                {article.recurringPlan && (
                  <span className="muted">
                    {` ↻ ${t(`articles.per.${article.recurringPlan.kind === 'plan' ? article.recurringPlan.period : 'auto_topup'}`)}`}
                  </span>
                )}
              </td>
              <td>{`${article.vatRate} %`}</td>
              <td>{article.barcode ?? ''}</td>
              <td>{t(article.active ? 'articles.yes' : 'articles.no')}</td>
              <td>
                <button type="button" className="button button-small" onClick={() => props.onEdit(article)}>
                  {t('articles.editButton')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The whole catalogue as a CSV that imports back as is. */
function ArticleExport() {
  const { t } = useTranslation();
  const download = useDownload();
  return (
    <div className="article-export">
      <button
        type="button"
        className="button"
        disabled={download.busy}
        onClick={() => void download.fetch(() => call('articles.export', {}))}
      >
        {t('articles.export')}
      </button>
      <DownloadLink file={download.file} error={download.error} />
    </div>
  );
}

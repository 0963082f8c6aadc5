import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { priceCents, saveInput, type ArticleDraft, type SaveInput } from './article-draft';
import { PlanFields } from './PlanFields';
import type { Shop } from './use-articles';

type Setter = (change: Partial<ArticleDraft>) => void;

interface Props {
  initial: ArticleDraft;
  shops: Shop[];
  vatRates: readonly number[];
  onSave: (input: SaveInput) => Promise<ContractError | null>;
  onCancel: () => void;
}

/**
 * Adds or edits one article: name, price (decimal comma), VAT rate, category, colour, barcode, shops, and
 * whether it is sold once or as a payment agreement.
 */
export function ArticleForm({ initial, shops, vatRates, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ArticleDraft>) => setDraft((current) => ({ ...current, ...change }));
  const input = saveInput(draft);
  const badPrice = draft.price.trim() !== '' && priceCents(draft.price) === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!input || busy) return;
    setBusy(true);
    const failed = await onSave(input);
    setBusy(false);
    setError(failed);
  };

  return (
    <form className="settings-form article-form" onSubmit={(event) => void submit(event)}>
      <h2>{t(draft.id ? 'articles.edit' : 'articles.add')}</h2>
      <MainFields draft={draft} set={set} badPrice={badPrice} vatRates={vatRates} />
      <MoreFields draft={draft} shops={shops} set={set} />
      <PlanFields plan={draft.plan} set={(change) => set({ plan: { ...draft.plan, ...change } })} />
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('articles.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={!input || busy}>
          {t('articles.save')}
        </button>
      </div>
    </form>
  );
}

/** What every article has: name, price, VAT rate, category, colour, barcode. */
function MainFields(props: {
  draft: ArticleDraft;
  set: Setter;
  badPrice: boolean;
  vatRates: readonly number[];
}) {
  const { draft, set, badPrice, vatRates } = props;
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('articles.field.name')}
        <input
          name="name"
          value={draft.name}
          maxLength={40}
          required
          onChange={(e) => set({ name: e.target.value })}
        />
      </label>
      <label>
        {t('articles.field.price')}
        <input
          name="price"
          value={draft.price}
          inputMode="decimal"
          placeholder="2,50"
          aria-invalid={badPrice}
          onChange={(e) => set({ price: e.target.value })}
        />
      </label>
      {badPrice && <p className="field-problem">{t('articles.priceProblem')}</p>}
      <label>
        {t('articles.field.vat')}
        <select value={draft.vatRate} onChange={(e) => set({ vatRate: Number(e.target.value) })}>
          {vatRates.map((rate) => (
            <option key={rate} value={rate}>{`${rate} %`}</option>
          ))}
        </select>
      </label>
      <label>
        {t('articles.field.category')}
        <input
          name="category"
          value={draft.category}
          maxLength={40}
          onChange={(e) => set({ category: e.target.value })}
        />
      </label>
      <label>
        {t('articles.field.colour')}
        <input type="color" value={draft.colour} onChange={(e) => set({ colour: e.target.value })} />
      </label>
      <label>
        {t('articles.field.barcode')}
        <input
          name="barcode"
          value={draft.barcode}
          maxLength={32}
          onChange={(e) => set({ barcode: e.target.value })}
        />
      </label>
    </>
  );
}

/** Position, active, and the shops that sell it (none ticked: every shop). */
function MoreFields({
  draft,
  shops,
  set,
}: {
  draft: ArticleDraft;
  shops: Shop[];
  set: (c: Partial<ArticleDraft>) => void;
}) {
  const { t } = useTranslation();
  const toggle = (id: string) =>
    set({
      shopIds: draft.shopIds.includes(id) ? draft.shopIds.filter((s) => s !== id) : [...draft.shopIds, id],
    });
  return (
    <>
      <label>
        {t('articles.field.position')}
        <input
          type="number"
          min={0}
          value={draft.position}
          onChange={(e) => set({ position: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
        {t('articles.field.active')}
      </label>
      {shops.length > 1 && (
        <fieldset className="article-shops">
          <legend>{t('articles.field.shops')}</legend>
          <p className="field-hint">{t('articles.everyShop')}</p>
          {shops.map((shop) => (
            <label key={shop.id} className="check">
              <input
                type="checkbox"
                checked={draft.shopIds.includes(shop.id)}
                onChange={() => toggle(shop.id)}
              />
              {shop.name}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

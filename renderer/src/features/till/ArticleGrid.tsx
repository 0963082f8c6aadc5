import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import type { RecurringPlan } from '../../../../shared/domain/recurring-plans';
import { useLocale } from '../../i18n';
import type { SellableArticle } from './basket-state';

/** What the grid draws of a catalogue article. */
export interface GridArticle extends SellableArticle {
  category: string;
  colour: string | null;
  /** Sold as a payment agreement: the button says so ("per month", "auto top-up"). */
  recurringPlan?: RecurringPlan | null;
}

const KEYPAD = '\u0000keypad';

/** Dark text on a light button colour, white on a dark one (relative luminance of `#rrggbb`). */
export function inkOn(colour: string): string {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!rgb) return '#111';
  const [r, g, b] = rgb.slice(1).map((hex) => parseInt(hex, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55 ? '#111' : '#fff';
}

/** Categories in the order their first article comes (the catalogue's own order). */
export function categoriesOf(articles: readonly GridArticle[]): string[] {
  return [...new Set(articles.map((article) => article.category))];
}

interface Props {
  articles: readonly GridArticle[];
  onTap: (article: GridArticle) => void;
  disabled: boolean;
  /** The amount keypad: its own tab beside the categories. */
  keypad: ReactNode;
}

/** Category tabs over big article buttons in their colour; the keypad is the last tab. */
export function ArticleGrid({ articles, onTap, disabled, keypad }: Props) {
  const { t } = useTranslation();
  const categories = categoriesOf(articles);
  const [chosen, setChosen] = useState<string | null>(null);
  // Until the cashier picks a tab: the first category, or the keypad when there are no articles.
  const tab =
    chosen !== null && (chosen === KEYPAD || categories.includes(chosen))
      ? chosen
      : (categories[0] ?? KEYPAD);
  const tabs = [
    ...categories.map((c) => ({ id: c, label: c || t('register.otherCategory') })),
    { id: KEYPAD, label: t('register.keypad') },
  ];
  return (
    <div className="catalogue">
      {categories.length > 0 && (
        <div className="category-tabs" role="tablist" aria-label={t('register.categories')}>
          {tabs.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className="category-tab"
              onClick={() => setChosen(id)}
            >
              {label}
            </button>
          ))}
        </div>
      )}
      {tab === KEYPAD ? (
        keypad
      ) : (
        <ArticleButtons
          articles={articles.filter((a) => a.category === tab)}
          onTap={onTap}
          disabled={disabled}
          label={tab || t('register.otherCategory')}
        />
      )}
    </div>
  );
}

/** A subscription's mark under its price: "↻ per month", or "↻ auto top-up" for a wristband. */
function RecurringMark({ plan }: { plan: RecurringPlan }) {
  const { t } = useTranslation();
  return (
    <span className="article-recurring">
      <span aria-hidden="true">↻ </span>
      {t(`articles.per.${plan.kind === 'plan' ? plan.period : plan.kind}`)}
    </span>
  );
}

function ArticleButtons({ articles, onTap, disabled, label }: Omit<Props, 'keypad'> & { label: string }) {
  const locale = useLocale();
  return (
    <div className="article-grid" role="group" aria-label={label}>
      {articles.map((article) => (
        <button
          key={article.id}
          type="button"
          className="article-button"
          style={article.colour ? { background: article.colour, color: inkOn(article.colour) } : undefined}
          disabled={disabled}
          data-article-id={article.id}
          onClick={() => onTap(article)}
        >
          <span className="article-name">{article.name}</span>
          <span className="article-price">{formatMoney(article.priceCents, locale)}</span>
          {article.recurringPlan && <RecurringMark plan={article.recurringPlan} />}
        </button>
      ))}
    </div>
  );
}

import { stringify } from 'csv-stringify/sync';
import type { ArticleView } from '../../../shared/contract/article-views';
import { ARTICLE_COLUMNS } from './article-csv-fields';
import { planCellsOf } from './article-csv-plan';

export type CsvSeparator = ';' | ',';

/**
 * The catalogue as a CSV that `articles.import` reads back as is: English headers, the id (so a line
 * updates its article), prices in euros with the separator's decimal mark (`2,50` beside `;` as
 * Belgian Excel writes it, `2.50` beside `,`), shops by id joined with `|`. A BOM, so that Excel reads
 * accents as UTF-8.
 */
export function articlesCsv(views: ArticleView[], separator: CsvSeparator): string {
  const decimal = separator === ';' ? ',' : '.';
  const rows = views.map((view) => [
    view.id,
    view.name,
    euros(view.priceCents, decimal),
    String(view.vatRate),
    view.category,
    view.colour,
    view.barcode ?? '',
    view.active ? 'yes' : 'no',
    view.shopIds.join('|'),
    String(view.position),
    ...planCellsOf(view.recurringPlan, (cents) => euros(cents, decimal)),
  ]);
  return `\uFEFF${stringify([[...ARTICLE_COLUMNS], ...rows], { delimiter: separator, record_delimiter: '\r\n' })}`;
}

function euros(cents: number, decimal: string): string {
  const whole = Math.floor(cents / 100);
  return `${whole}${decimal}${String(cents % 100).padStart(2, '0')}`;
}

import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { HourlyPoint } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { intlLocale, useLocale } from '../../i18n';

// A fixed size: a responsive container measures its parent with ResizeObserver, which jsdom lacks and
// which draws nothing until layout has run; the closing screen has room for this width anyway.
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 240;
/**
 * The least the money axis reaches: with nothing sold the axis would otherwise stretch over 0 to 4
 * cents (€0.00–€0.04), which reads like sales that round away; €10 is a scale a first sale fits in.
 */
export const AXIS_FLOOR_CENTS = 1_000;
const axisTop = (dataMax: number) => Math.max(dataMax, AXIS_FLOOR_CENTS);

/** Today's sales per hour (Brussels time), as bars, from the station's 24 points. */
export function HourlyChart({ points }: { points: HourlyPoint[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hours = new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  const hourLabel = (hour: number) => hours.format(new Date(Date.UTC(2000, 0, 1, hour)));
  const money = (cents: number) => formatMoney(cents, locale);
  const empty = points.every((point) => point.count === 0);
  return (
    <figure className="hourly-chart" aria-labelledby="hourly-title">
      <figcaption id="hourly-title">{t('reports.chart.title')}</figcaption>
      {empty && <p className="muted">{t('reports.chart.empty')}</p>}
      <BarChart width={CHART_WIDTH} height={CHART_HEIGHT} data={points} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="hour" tickFormatter={hourLabel} interval={2} />
        <YAxis tickFormatter={money} width={90} allowDecimals={false} domain={[0, axisTop]} />
        <Tooltip
          labelFormatter={(hour) => hourLabel(Number(hour))}
          formatter={(cents) => [money(Number(cents)), t('reports.chart.amount')]}
        />
        <Bar dataKey="cents" name={t('reports.chart.amount')} fill="#1e3a8a" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

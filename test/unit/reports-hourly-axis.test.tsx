// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { HourlyPoint } from '../../shared/contract';
import { HourlyChart } from '../../renderer/src/features/reports/HourlyChart';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const day = (cents: (hour: number) => number): HourlyPoint[] =>
  Array.from({ length: 24 }, (_, hour) => ({ hour, count: cents(hour) > 0 ? 1 : 0, cents: cents(hour) }));

/** The money axis's tick labels, bottom to top, as drawn in the chart's SVG. */
async function axisOf(points: HourlyPoint[]): Promise<{ ticks: string[]; text: string }> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n('en')}>
        <HourlyChart points={points} />
      </I18nextProvider>,
    ),
  );
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const ticks = [
    ...container.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value'),
  ].map((tick) => tick.textContent ?? '');
  const text = container.textContent ?? '';
  act(() => root.unmount());
  container.remove();
  return { ticks, text };
}

describe('the hourly chart of an empty day', () => {
  it('reads €0.00 to €10.00 and says there are no sales yet, not a scale of cents', async () => {
    const { ticks, text } = await axisOf(day(() => 0));
    expect(ticks[0]).toBe('€0.00');
    expect(ticks.at(-1)).toBe('€10.00');
    expect(ticks).not.toContain('€0.04');
    expect(text).toContain('No sales yet today');
  });

  it('follows the sales once a day has them', async () => {
    const { ticks } = await axisOf(day((hour) => (hour === 14 ? 25_000 : 0)));
    expect(ticks[0]).toBe('€0.00');
    expect(ticks.at(-1)).toBe('€250.00');
  });
});

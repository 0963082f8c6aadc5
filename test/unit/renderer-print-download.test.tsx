// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../shared/contract';
import { PrintProgress } from '../../renderer/src/features/topup/PrintProgress';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// A finished job as the station reports it (test/integration/topup-print-http.test.ts checks the header).
const done: PrintJobView = {
  jobId: 'a1b2c3d4e5f60718293a4b5c',
  batchId: 'batch-1',
  state: 'done',
  done: 30,
  total: 30,
  codesPerSecond: 0,
  secondsLeft: null,
  downloadPath: '/downloads/a1b2c3d4e5f60718293a4b5c.pdf',
  fileName: 'Fête Musique - Top-up - 7K2Q-9XQ4-M32F.pdf',
  error: null,
};

describe('a finished batch PDF', () => {
  it('is saved under the batch’s name, not its job id', async () => {
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () =>
      root.render(
        <I18nextProvider i18n={createI18n('en')}>
          <PrintProgress job={done} onCancel={() => undefined} />
        </I18nextProvider>,
      ),
    );
    const link = container.querySelector('a');
    expect(link?.getAttribute('download')).toBe('Fête Musique - Top-up - 7K2Q-9XQ4-M32F.pdf');
    expect(link?.getAttribute('href')).toContain('/downloads/a1b2c3d4e5f60718293a4b5c.pdf');
    act(() => root.unmount());
  });
});

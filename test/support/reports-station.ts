import type {
  DrawerView,
  ReportView,
  Result,
  SalesSetupView,
  SettingsView,
  StationEvent,
  SummariesView,
  TransactionDetailView,
  TransactionRowView,
  ZListItem,
} from '../../shared/contract';
import type { Transport } from '../../renderer/src/api/transport';

type Handler = (input: Record<string, unknown>) => Result<unknown>;

export const DAY = '2026-05-01';
const SETTINGS: SettingsView = {
  mode: 'live',
  environment: 'preprod',
  ppid: 'P',
  apiKeyLast4: 'abcd',
  hasCredentials: true,
  locale: 'en',
  publicUrl: null,
  callbackUrl: null,
  stickerPosId: null,
};
const SETUP: SalesSetupView = {
  shops: [{ id: 'shop-1', name: 'Main bar', address: '', website: '', vatNumber: '' }],
  business: { name: '', address: '', website: '', vatNumber: '' },
  vatRates: [{ rate: 21, from: '1970-01-01' }],
  cashRounding: 5,
  defaultVatRate: 21,
  defaultCashierId: 'cashier-1',
  discountLimitPercent: 10,
  confirmAboveCents: 50_000,
  tills: [{ tillId: 'bar-2' }],
};

const line = (count: number, cents: number) => ({ count, cents });
const hourly = () =>
  Array.from({ length: 24 }, (_, hour) => ({ hour, ...(hour === 10 ? line(4, 5052) : line(0, 0)) }));

/** The day: three Bancontact sales, one cancelled, a cash sale of €10.02 paid with €20. */
export function report(overrides: Partial<ReportView> = {}): ReportView {
  return {
    kind: 'x',
    number: null,
    businessDate: DAY,
    generatedAt: '2026-05-01T15:00:00.000Z',
    sales: line(4, 5052),
    byMethod: [
      { method: 'bancontact_display', ...line(3, 4050) },
      { method: 'bancontact_sticker', ...line(0, 0) },
      { method: 'wristband', ...line(0, 0) },
      { method: 'cash', ...line(1, 1002) },
      { method: 'agreement', ...line(0, 0) },
    ],
    byShop: [{ id: 'shop-1', name: 'Main bar', ...line(4, 5052) }],
    byTill: [{ id: 'till-1', ...line(4, 5052) }],
    byCashier: [{ id: 'cashier-1', ...line(4, 5052) }],
    byVatRate: [
      { ratePercent: 21, count: 4, grossCents: 5052, netCents: 4175, vatCents: 877 },
      ...[12, 6, 0].map((ratePercent) => ({
        ratePercent,
        count: 0,
        grossCents: 0,
        netCents: 0,
        vatCents: 0,
      })),
    ],
    bancontactNotPaid: { cancelled: 1, expired: 0, refused: 0, failed: 0 },
    wristbands: {
      ...{ topUps: line(0, 0), automaticTopUps: line(0, 0) },
      ...{ spent: line(0, 0), refunds: line(0, 0), outstandingCents: 0 },
    },
    cash: {
      sales: line(1, 1002),
      roundingCents: -2,
      drawers: [],
      expectedCents: 11_000,
      countedCents: null,
      differenceCents: null,
    },
    hourly: hourly(),
    ...overrides,
  };
}

function period(from: string, to: string) {
  return { from, to, sales: line(4, 5052), byMethod: report().byMethod, byShop: report().byShop };
}

const SUMMARIES: SummariesView = {
  businessDate: DAY,
  today: period(DAY, DAY),
  week: period('2026-04-27', '2026-05-03'),
  month: period('2026-05-01', '2026-05-31'),
  year: period('2026-01-01', '2026-12-31'),
  hourlyToday: hourly(),
};

export function row(n: number, overrides: Partial<TransactionRowView> = {}): TransactionRowView {
  return {
    id: `p:pay-${n}`,
    method: 'bancontact_display',
    status: 'succeeded',
    paymentStatus: 'SUCCEEDED',
    businessDate: DAY,
    createdAt: '2026-05-01T10:00:00.000Z',
    amountCents: 100 * n,
    roundingCents: 0,
    shopId: 'shop-1',
    tillId: 'till-1',
    cashierId: 'cashier-1',
    vatRate: 21,
    profileId: 'PPID1',
    saleId: `sale-${n}`,
    paymentId: `pay-${n}`,
    bancontactId: `bc-${n}`,
    wristbandId: null,
    ...overrides,
  };
}

export function drawer(overrides: Partial<DrawerView> = {}): DrawerView {
  return {
    id: 'd1',
    tillId: 'till-1',
    status: 'open',
    cashierId: 'cashier-1',
    openedAt: '2026-05-01T08:00:00.000Z',
    floatCents: 10_000,
    cashSalesCents: 1000,
    cashInCents: 0,
    cashOutCents: 0,
    expectedCents: 11_000,
    countedCents: null,
    differenceCents: null,
    closedAt: null,
    businessDate: null,
    movements: [],
    ...overrides,
  };
}

/** A station for the closing screen: canned answers that tests change, every call recorded. */
export class ReportsStation implements Transport {
  readonly kind = 'http';
  calls: { method: string; input: Record<string, unknown> }[] = [];
  listeners = new Set<(event: StationEvent) => void>();
  drawer: DrawerView | null = null;
  zList: ZListItem[] = [];
  overrides: Partial<Record<string, Handler>> = {};
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    const args = (input ?? {}) as Record<string, unknown>;
    this.calls.push({ method, input: args });
    const handler = this.overrides[method] ?? this.handlers[method];
    return handler ? handler(args) : { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
  }
  subscribe(listener: (event: StationEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  onReconnect() {
    return () => undefined;
  }
  emit(event: StationEvent) {
    for (const listener of this.listeners) listener(event);
  }
  callsTo(method: string) {
    return this.calls.filter((c) => c.method === method);
  }
  private handlers: Record<string, Handler> = {
    'settings.get': () => ({ ok: true, value: SETTINGS }),
    'settings.getSalesSetup': () => ({ ok: true, value: SETUP }),
    'drawer.get': () => ({ ok: true, value: this.drawer }),
    'drawer.open': ({ floatCents }) => {
      this.drawer = drawer({
        floatCents: Number(floatCents),
        cashSalesCents: 0,
        expectedCents: Number(floatCents),
      });
      return { ok: true, value: this.drawer };
    },
    'drawer.close': ({ countedCents }) => {
      const counted = Number(countedCents);
      this.drawer = drawer({
        status: 'closed',
        countedCents: counted,
        differenceCents: counted - 11_000,
        closedAt: '2026-05-01T18:00:00.000Z',
        businessDate: DAY,
      });
      return { ok: true, value: this.drawer };
    },
    'reports.getSummaries': () => ({ ok: true, value: SUMMARIES }),
    'reports.getX': () => ({ ok: true, value: report() }),
    'reports.listZ': () => ({ ok: true, value: this.zList }),
    'reports.closeDay': ({ date }) => {
      const z = report({ kind: 'z', number: 1, businessDate: String(date) });
      this.zList = [{ number: 1, businessDate: z.businessDate, closedAt: z.generatedAt, sales: z.sales }];
      return { ok: true, value: z };
    },
    'reports.exportPdf': ({ kind, number }) => {
      const fileName = kind === 'z' ? `z-${String(number)}.pdf` : `x-${DAY}.pdf`;
      return {
        ok: true,
        value: {
          path: `/downloads/reports/${fileName}`,
          fileName,
          contentType: 'application/pdf',
          bytes: 1000,
        },
      };
    },
    'reports.exportCsv': () => ({
      ok: true,
      value: {
        path: '/downloads/reports/transactions.csv',
        fileName: 'transactions.csv',
        contentType: 'text/csv; charset=utf-8',
        bytes: 500,
        rows: 5,
      },
    }),
    'reports.listTransactions': ({ cursor }) =>
      cursor
        ? { ok: true, value: { rows: [row(51)], nextCursor: null } }
        : {
            ok: true,
            value: { rows: Array.from({ length: 50 }, (_, i) => row(i + 1)), nextCursor: '20260501:51' },
          },
    'reports.getTransaction': ({ id }) => {
      const detail: TransactionDetailView = {
        row: row(Number(String(id).replace('p:pay-', ''))),
        sale: null,
        cash: null,
        timeline: [
          { at: '2026-05-01T10:00:00.000Z', from: null, to: 'PENDING', source: 'create' },
          { at: '2026-05-01T10:00:05.000Z', from: 'PENDING', to: 'SUCCEEDED', source: 'poll' },
        ],
      };
      return { ok: true, value: detail };
    },
  };
}

import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_TILL_ID, type ContractError, type Result } from '../../../../shared/contract';
import type {
  PRINTER_CODE_PAGES,
  PrintersView,
  TestPageView,
} from '../../../../shared/contract/receipt-methods';
import { call } from '../../api/client';

export type PrinterInput = {
  id?: string;
  name: string;
  host: string;
  port: number;
  paperMm: 58 | 80;
  codePage: (typeof PRINTER_CODE_PAGES)[number];
  drawer: boolean;
};

/** The tills the administrator may route: this station's, the sales setup's, linked devices' and any set already. */
async function knownTills(view: PrintersView | null): Promise<string[]> {
  const [setup, devices] = await Promise.all([call('settings.getSalesSetup', {}), call('devices.list', {})]);
  const ids = [
    DEFAULT_TILL_ID,
    ...(setup.ok ? setup.value.tills.map((till) => till.tillId) : []),
    ...(devices.ok ? devices.value.flatMap((device) => (device.tillId ? [device.tillId] : [])) : []),
    ...(view?.tills.map((till) => till.tillId) ?? []),
  ];
  return [...new Set(ids)].sort();
}

/** Settings → Printers: the station's printers and tills (administrators only), and the changes to them. */
export function usePrinters() {
  const [view, setView] = useState<PrintersView | null>(null);
  const [tills, setTills] = useState<string[]>([DEFAULT_TILL_ID]);
  const [error, setError] = useState<ContractError | null>(null);
  const answer = useCallback((result: Result<PrintersView>): boolean => {
    if (result.ok) setView(result.value);
    setError(result.ok ? null : result.error);
    return result.ok;
  }, []);
  useEffect(() => {
    void call('printers.list', {}).then(async (result) => {
      answer(result);
      if (result.ok) setTills(await knownTills(result.value));
    });
  }, [answer]);
  return {
    view,
    tills,
    error,
    save: async (input: PrinterInput) => answer(await call('printers.save', input)),
    remove: async (printerId: string) => answer(await call('printers.remove', { printerId })),
    setTill: async (tillId: string, printerId: string | null, autoPrint: boolean) =>
      answer(await call('printers.setTill', { tillId, printerId, autoPrint })),
    testPage: (printerId: string): Promise<Result<TestPageView>> => call('printers.testPage', { printerId }),
  };
}

export type Printers = ReturnType<typeof usePrinters>;

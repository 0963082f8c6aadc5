import type { Locale } from '../../../../shared/domain/money';
import type { Role } from '../../../../shared/domain/roles';
import administratorEn from './guides/administrator.en.md?raw';
import administratorFr from './guides/administrator.fr.md?raw';
import administratorNl from './guides/administrator.nl.md?raw';
import cashierEn from './guides/cashier.en.md?raw';
import cashierFr from './guides/cashier.fr.md?raw';
import cashierNl from './guides/cashier.nl.md?raw';
import financialEn from './guides/financial.en.md?raw';
import financialFr from './guides/financial.fr.md?raw';
import financialNl from './guides/financial.nl.md?raw';
import managerEn from './guides/manager.en.md?raw';
import managerFr from './guides/manager.fr.md?raw';
import managerNl from './guides/manager.nl.md?raw';

/** The user guide of each role in each language, bundled with the renderer (Markdown, written for Kassa). */
export const GUIDES: Record<Role, Record<Locale, string>> = {
  cashier: { en: cashierEn, nl: cashierNl, fr: cashierFr },
  manager: { en: managerEn, nl: managerNl, fr: managerFr },
  financial: { en: financialEn, nl: financialNl, fr: financialFr },
  administrator: { en: administratorEn, nl: administratorNl, fr: administratorFr },
};

import { lazy, Suspense, type ComponentType } from 'react';
import { Header } from './components/Header';
import { StationProvider } from './components/StationProvider';
import { AgreementsScreen } from './features/agreements/AgreementsScreen';
import { ArticlesScreen } from './features/articles/ArticlesScreen';
import { AuditScreen } from './features/audit/AuditScreen';
import { CustomerScreen } from './features/customer/CustomerScreen';
import { DevicesScreen } from './features/devices/DevicesScreen';
import { DeviceUnlinkedScreen } from './features/devices/DeviceUnlinkedScreen';
import { useDeviceUnlinked } from './features/devices/device-unlinked';
import { PairPage } from './features/devices/PairPage';
import { DiskFullBanner } from './features/station/DiskFullBanner';
import { InboxScreen } from './features/inbox/InboxScreen';
import { HelpScreen } from './features/help/HelpScreen';
import { RefusedScreen } from './features/station/RefusedScreen';
import { useRefusal } from './features/station/use-refusal';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { SessionGate } from './features/staff/SessionGate';
import { StaffScreen } from './features/staff/StaffScreen';
import { StickersScreen } from './features/stickers/StickersScreen';
import { TillScreen } from './features/till/TillScreen';
import { TopupScreen } from './features/topup/TopupScreen';
import { useRoute, type Route } from './routes';

// The closing screen brings the chart library: it loads when a manager opens it, not with every till.
const ReportsScreen = lazy(() =>
  import('./features/reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })),
);

const SCREENS: Record<Route, ComponentType> = {
  till: TillScreen,
  customer: CustomerScreen,
  topup: TopupScreen,
  reports: ReportsScreen,
  articles: ArticlesScreen,
  agreements: AgreementsScreen,
  stickers: StickersScreen,
  settings: SettingsScreen,
  staff: StaffScreen,
  devices: DevicesScreen,
  audit: AuditScreen,
  inbox: InboxScreen,
  help: HelpScreen,
  pair: PairPage,
};

export function App() {
  const route = useRoute();
  const Screen = SCREENS[route];
  // A refused start replaces every screen with its reason and remedies.
  const { refusal, recheck } = useRefusal();
  // Before a device is linked (the pairing page), or once its link ended, nobody signs in here.
  const unlinked = useDeviceUnlinked();
  const Unsigned = unlinked ? DeviceUnlinkedScreen : route === 'pair' ? PairPage : null;
  return (
    <StationProvider>
      <div className={`app app-${route}`}>
        {refusal ? (
          <RefusedScreen refusal={refusal} onRecheck={recheck} />
        ) : Unsigned ? (
          <Unsigned />
        ) : (
          <SessionGate route={route}>
            {/* The customer display faces the customer: no navigation, no staff notices. */}
            {route !== 'customer' && <Header />}
            {route !== 'customer' && <DiskFullBanner />}
            <Suspense fallback={<main aria-busy="true" />}>
              <Screen />
            </Suspense>
          </SessionGate>
        )}
      </div>
    </StationProvider>
  );
}

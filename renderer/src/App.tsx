import { lazy, Suspense, type ComponentType } from 'react';
import { Header } from './components/Header';
import { StationProvider } from './components/StationProvider';
import { CustomerScreen } from './features/customer/CustomerScreen';
import { DiskFullBanner } from './features/station/DiskFullBanner';
import { RefusedScreen } from './features/station/RefusedScreen';
import { useRefusal } from './features/station/use-refusal';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { SessionGate } from './features/staff/SessionGate';
import { StaffScreen } from './features/staff/StaffScreen';
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
  settings: SettingsScreen,
  staff: StaffScreen,
};

export function App() {
  const route = useRoute();
  const Screen = SCREENS[route];
  // A refused start replaces every screen with its reason and remedies.
  const { refusal, recheck } = useRefusal();
  return (
    <StationProvider>
      <div className={`app app-${route}`}>
        {refusal ? (
          <RefusedScreen refusal={refusal} onRecheck={recheck} />
        ) : (
          <SessionGate route={route}>
            <Header />
            <DiskFullBanner />
            <Suspense fallback={<main aria-busy="true" />}>
              <Screen />
            </Suspense>
          </SessionGate>
        )}
      </div>
    </StationProvider>
  );
}

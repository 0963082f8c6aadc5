import { lazy, Suspense, type ComponentType } from 'react';
import { Header } from './components/Header';
import { StationProvider } from './components/StationProvider';
import { CustomerScreen } from './features/customer/CustomerScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
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
};

export function App() {
  const route = useRoute();
  const Screen = SCREENS[route];
  return (
    <StationProvider>
      <div className={`app app-${route}`}>
        <Header />
        <Suspense fallback={<main aria-busy="true" />}>
          <Screen />
        </Suspense>
      </div>
    </StationProvider>
  );
}

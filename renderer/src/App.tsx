import { Header } from './components/Header';
import { StationProvider } from './components/StationProvider';
import { CustomerScreen } from './features/customer/CustomerScreen';
import { ReportsScreen } from './features/reports/ReportsScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { TillScreen } from './features/till/TillScreen';
import { TopupScreen } from './features/topup/TopupScreen';
import { useRoute, type Route } from './routes';

const SCREENS: Record<Route, () => React.JSX.Element> = {
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
        <Screen />
      </div>
    </StationProvider>
  );
}

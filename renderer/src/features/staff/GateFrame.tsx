import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/Header';
import { useStation } from '../../components/station-context';

/** The bar above the sign-in and first-administrator screens: no navigation, only the language. */
export function GateFrame({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { mode } = useStation();
  return (
    <>
      <header className="app-header">
        <div className="app-header-bar">
          <span className="app-name">{t('app.name')}</span>
          <span className="gate-spacer" />
          {/* Nobody is signed in to store the choice: the screen switches, the station's setting stays. */}
          <LanguageSwitch keepLocal />
        </div>
        {mode === 'training' && <p className="training-banner">{t('app.training')}</p>}
      </header>
      <main className="sign-in">
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
        {children}
      </main>
    </>
  );
}

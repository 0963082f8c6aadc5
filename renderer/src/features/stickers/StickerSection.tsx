import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Result, SettingsView, StickerFile } from '../../../../shared/contract';
import { allows } from '../../../../shared/domain/roles';
import type { StickerFieldError } from '../../../../shared/domain/sticker-payload';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { callerRights } from '../staff/session-rights';
import { useSession } from '../staff/session-context';
import {
  ConfigurableFields,
  FixedFields,
  ImageChoices,
  LanguageChoice,
  ReissueFields,
  type StickerChoices,
} from './StickerFields';
import { useProfiles } from '../profiles/use-profiles';
import {
  EMPTY_STICKER_FORM,
  checkConfigurable,
  checkFixed,
  checkReissue,
  problemText,
  type StickerFormValues,
} from './sticker-form';

const KINDS = ['fixed', 'configurable', 'reissue'] as const;
type Kind = (typeof KINDS)[number];
type Outcome =
  | { kind: 'problems'; errors: StickerFieldError[] }
  | { kind: 'error'; error: ContractError }
  | { kind: 'file'; file: StickerFile }
  | null;

/**
 * Settings → Sticker QR codes (seed 000 *QR codes*): a till's fixed sticker as a PDF, a configurable
 * code as PNG or SVG, or an old sticker made again on Bancontact's new host. Managers and
 * administrators only (the station refuses anyone else too).
 */
export function StickerSection({ settings }: { settings: SettingsView }) {
  const rights = callerRights(useSession()?.view ?? null);
  if (rights !== null && !allows(rights, 'close')) return null;
  return <StickerSectionBody settings={settings} />;
}

function download(file: StickerFile): void {
  const link = document.createElement('a');
  link.href = `data:${file.mime};base64,${file.base64}`;
  link.download = file.fileName;
  link.click();
}

/** The shops of the sales setup, offered as names for the sticker. */
function useShopNames(): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    void call('settings.getSalesSetup', {}).then((result) => {
      if (result.ok) setNames(result.value.shops.map((shop) => shop.name));
    });
  }, []);
  return names;
}

function request(kind: Kind, values: StickerFormValues, choices: StickerChoices) {
  if (kind === 'fixed') {
    const check = checkFixed(values);
    return check.ok
      ? { check, send: () => call('stickers.fixedPdf', { ...check.input, language: choices.language }) }
      : { check };
  }
  if (kind === 'configurable') {
    const check = checkConfigurable(values);
    const { format, size } = choices;
    return check.ok
      ? { check, send: () => call('stickers.configurable', { ...check.input, format, size }) }
      : { check };
  }
  const check = checkReissue(values);
  const { language, format, size } = choices;
  return check.ok
    ? { check, send: () => call('stickers.reissue', { ...check.input, language, format, size }) }
    : { check };
}

function StickerSectionBody({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('fixed');
  const [values, setValues] = useState<StickerFormValues>({
    ...EMPTY_STICKER_FORM,
    ppid: settings.ppid ?? '',
    posId: settings.stickerPosId ?? '',
  });
  const [choices, setChoices] = useState<StickerChoices>({ language: 'nl', format: 'png', size: 'M' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const shops = useShopNames();
  // The shops' sticker profiles, offered for the PPID (a user who may not read them types it).
  const stickerProfiles = (useProfiles().profiles ?? []).filter((p) => p.kind === 'sticker');
  const set = (patch: Partial<StickerFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const choose = (patch: Partial<StickerChoices>) => setChoices((current) => ({ ...current, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { check, send } = request(kind, values, choices);
    if (!check.ok || !send) return setOutcome({ kind: 'problems', errors: check.ok ? [] : check.errors });
    setBusy(true);
    const result: Result<StickerFile> = await send();
    setBusy(false);
    if (!result.ok) return setOutcome({ kind: 'error', error: result.error });
    setOutcome({ kind: 'file', file: result.value });
    download(result.value);
  };
  return (
    <section className="settings-section stickers" aria-labelledby="stickers-title">
      <h2 id="stickers-title">{t('stickers.title')}</h2>
      <p className="muted">{t('stickers.explained')}</p>
      <div className="sticker-kinds" role="group" aria-label={t('stickers.kind')}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="button"
            aria-pressed={kind === k}
            onClick={() => {
              setKind(k);
              setOutcome(null);
            }}
          >
            {t(`stickers.kinds.${k}`)}
          </button>
        ))}
      </div>
      <datalist id="sticker-profiles">
        {stickerProfiles.map((p) => (
          <option key={p.id} value={p.ppid} label={p.name} />
        ))}
      </datalist>
      <datalist id="sticker-shops">
        {shops.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <form className="settings-form sticker-form" onSubmit={(event) => void submit(event)} noValidate>
        {kind !== 'reissue' && <PpidField values={values} set={set} />}
        {kind === 'fixed' && <FixedFields values={values} set={set} />}
        {kind === 'configurable' && <ConfigurableFields values={values} set={set} />}
        {kind === 'reissue' && <ReissueFields values={values} set={set} />}
        {kind !== 'configurable' && <LanguageChoice choices={choices} set={choose} />}
        {kind !== 'fixed' && <ImageChoices choices={choices} set={choose} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t(`stickers.make.${kind}`)}
          </button>
        </div>
      </form>
      <OutcomeLine outcome={outcome} />
    </section>
  );
}

function PpidField({
  values,
  set,
}: {
  values: StickerFormValues;
  set: (patch: Partial<StickerFormValues>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="sticker-ppid">{t('stickers.fields.ppid')}</label>
      <input
        id="sticker-ppid"
        list="sticker-profiles"
        value={values.ppid}
        maxLength={64}
        autoComplete="off"
        onChange={(e) => set({ ppid: e.target.value })}
      />
    </>
  );
}

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome === null) return null;
  if (outcome.kind === 'error') return <ErrorAlert error={outcome.error} />;
  if (outcome.kind === 'problems') {
    return (
      <ul className="error sticker-problems" role="alert">
        {outcome.errors.map((error) => (
          <li key={`${error.field}-${error.problem}`}>{problemText(t, error)}</li>
        ))}
      </ul>
    );
  }
  return (
    <p className="sticker-made" role="status">
      {t('stickers.made', { file: outcome.file.fileName })}{' '}
      <code className="sticker-payload">{outcome.file.payload}</code>
    </p>
  );
}

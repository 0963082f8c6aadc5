import { useTranslation } from 'react-i18next';
import {
  MAX_SHOP_NAME,
  MAX_STICKER_TEXT,
  STICKER_LANGUAGES,
  STICKER_SIZES,
  type StickerLanguage,
  type StickerSize,
} from '../../../../shared/domain/sticker-payload';
import type { StickerFormValues } from './sticker-form';

export interface StickerChoices {
  language: StickerLanguage;
  format: 'png' | 'svg';
  size: StickerSize;
}

type Set<T> = (patch: Partial<T>) => void;

function TextField(props: {
  name: keyof StickerFormValues;
  values: StickerFormValues;
  set: Set<StickerFormValues>;
  maxLength?: number;
  inputMode?: 'decimal' | 'text';
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = `sticker-${props.name}`;
  return (
    <>
      <label htmlFor={id}>{t(`stickers.fields.${props.name}`)}</label>
      <input
        id={id}
        value={props.values[props.name]}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        autoComplete="off"
        onChange={(e) => props.set({ [props.name]: e.target.value })}
        {...(props.name === 'shopName' ? { list: 'sticker-shops' } : {})}
      />
      {props.hint && <p className="muted field-hint">{props.hint}</p>}
    </>
  );
}

export function FixedFields(props: { values: StickerFormValues; set: Set<StickerFormValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="shopName" maxLength={MAX_SHOP_NAME} {...props} />
      <TextField name="posId" maxLength={36} hint={t('stickers.hints.posId')} {...props} />
    </>
  );
}

export function ConfigurableFields(props: { values: StickerFormValues; set: Set<StickerFormValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="amount" inputMode="decimal" hint={t('stickers.hints.amount')} {...props} />
      <TextField name="reference" maxLength={MAX_STICKER_TEXT + 5} {...props} />
      <TextField name="description" maxLength={MAX_STICKER_TEXT + 5} {...props} />
    </>
  );
}

export function ReissueFields(props: { values: StickerFormValues; set: Set<StickerFormValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="oldPayload" maxLength={2000} hint={t('stickers.hints.oldPayload')} {...props} />
      <TextField
        name="shopName"
        maxLength={MAX_SHOP_NAME}
        hint={t('stickers.hints.shopForFixed')}
        {...props}
      />
    </>
  );
}

function Choice<K extends keyof StickerChoices>(props: {
  name: K;
  options: readonly StickerChoices[K][];
  choices: StickerChoices;
  set: Set<StickerChoices>;
}) {
  const { t } = useTranslation();
  const id = `sticker-${props.name}`;
  return (
    <>
      <label htmlFor={id}>{t(`stickers.fields.${props.name}`)}</label>
      <select
        id={id}
        value={props.choices[props.name]}
        onChange={(e) => props.set({ [props.name]: e.target.value } as Partial<StickerChoices>)}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {t(`stickers.${props.name}s.${option}`)}
          </option>
        ))}
      </select>
    </>
  );
}

const SIZES = Object.keys(STICKER_SIZES) as StickerSize[];

export function LanguageChoice(props: { choices: StickerChoices; set: Set<StickerChoices> }) {
  return <Choice name="language" options={STICKER_LANGUAGES} {...props} />;
}

export function ImageChoices(props: { choices: StickerChoices; set: Set<StickerChoices> }) {
  return (
    <>
      <Choice name="format" options={['png', 'svg'] as const} {...props} />
      <Choice name="size" options={SIZES} {...props} />
    </>
  );
}

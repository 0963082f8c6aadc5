import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { qrShape } from './qr-matrix';

/**
 * The payment QR as inline SVG: crisp at any size, no canvas, no network, and allowed by a CSP
 * without inline styles since only presentation attributes are used. `label` names a QR that is not
 * a payment's (a device's link code).
 */
export function QrCode({ value, size = 280, label }: { value: string; size?: number; label?: string }) {
  const { t } = useTranslation();
  const shape = useMemo(() => qrShape(value), [value]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label ?? t('qr.label')}
      data-deeplink={value}
      width={size}
      height={size}
      viewBox={`0 0 ${shape.side} ${shape.side}`}
      shapeRendering="crispEdges"
    >
      <rect width={shape.side} height={shape.side} fill="#ffffff" />
      <path d={shape.path} fill="#000000" />
    </svg>
  );
}

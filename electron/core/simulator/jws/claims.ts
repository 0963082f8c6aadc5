/** The five private claims Payconiq puts in every JOSE header, all marked critical. */
export const CLAIM = {
  iat: 'https://payconiq.com/iat',
  jti: 'https://payconiq.com/jti',
  path: 'https://payconiq.com/path',
  iss: 'https://payconiq.com/iss',
  sub: 'https://payconiq.com/sub',
} as const;

export const CRIT_CLAIMS: readonly string[] = [CLAIM.iat, CLAIM.jti, CLAIM.path, CLAIM.iss, CLAIM.sub];

/** jose refuses unknown critical parameters unless told they are understood. */
export const CRIT_OPTION: Record<string, boolean> = Object.fromEntries(CRIT_CLAIMS.map((c) => [c, true]));

/** 3 digits (normal), or 6/9 as seen in the field in August 2023; extra digits are zeros. */
export function formatIat(ms: number, fractionDigits: 3 | 6 | 9 = 3): string {
  const iso = new Date(ms).toISOString();
  return fractionDigits === 3 ? iso : `${iso.slice(0, -1)}${'0'.repeat(fractionDigits - 3)}Z`;
}

/** Accepts 3, 6 or 9 fraction digits (Date.parse only reads milliseconds). */
export function parseIat(value: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{3})(\d{3}){0,2})?Z$/.exec(value);
  if (match === null) return undefined;
  const ms = Date.parse(`${match[1]}.${match[2] ?? '000'}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

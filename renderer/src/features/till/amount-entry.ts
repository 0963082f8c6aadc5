/** What the amount field holds and how the numpad edits it; the text is validated by parseAmount. */
export type AmountKey =
  '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | ',' | 'backspace' | 'clear';

export type AmountAction =
  { type: 'key'; key: AmountKey } | { type: 'type'; text: string } | { type: 'reset' };

/** Longer than any amount Bancontact accepts, so the limit never hides a real amount. */
export const MAX_AMOUNT_CHARS = 16;

const DECIMAL_MARK = /[.,]/;

function pressKey(text: string, key: AmountKey): string {
  switch (key) {
    case 'clear':
      return '';
    case 'backspace':
      return text.slice(0, -1);
    case ',':
      if (DECIMAL_MARK.test(text)) return text;
      return text === '' ? '0,' : `${text},`;
    default:
      return appendDigit(text, key);
  }
}

function appendDigit(text: string, digit: string): string {
  const mark = text.search(DECIMAL_MARK);
  // The numpad cannot make a third decimal: cents are the smallest unit.
  if (mark >= 0 && text.length - mark > 2) return text;
  if (text.length >= MAX_AMOUNT_CHARS) return text;
  // "0" then "5" means 5, not 05.
  if (text === '0') return digit;
  return text + digit;
}

export function amountReducer(text: string, action: AmountAction): string {
  switch (action.type) {
    case 'key':
      return pressKey(text, action.key);
    case 'type':
      // Keyboard entry is free text; parseAmount judges it on submit.
      return action.text.slice(0, MAX_AMOUNT_CHARS);
    case 'reset':
      return '';
  }
}

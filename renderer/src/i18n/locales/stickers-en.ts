/** Settings → Sticker QR codes: fixed stickers, configurable codes and re-issuing old ones. */
export const stickersEn = {
  stickers: {
    title: 'Sticker QR codes',
    explained:
      'Print a QR code for your payment area. A fixed sticker belongs to one till: the till sends each amount, the payer scans the sticker. A configurable code carries its own amount, reference and description.',
    kind: 'Kind of sticker',
    kinds: {
      fixed: 'Fixed sticker (PDF)',
      configurable: 'Configurable code',
      reissue: 'Re-issue an old sticker',
    },
    make: {
      fixed: 'Download PDF',
      configurable: 'Make the QR code',
      reissue: 'Re-issue on pay.bancontact.net',
    },
    fields: {
      ppid: 'Payment profile id (PPID)',
      shopName: 'Shop name',
      posId: 'Till POS id',
      amount: 'Amount (€)',
      reference: 'Reference',
      description: 'Description',
      oldPayload: 'Old sticker’s link',
      language: 'Sticker language',
      format: 'Format',
      size: 'Size',
    },
    hints: {
      posId: 'The POS id set for this till: 1 to 36 letters and digits.',
      amount: 'Leave empty to let the payer type the amount.',
      oldPayload: 'The link the old sticker reads (scan it) or the QR generator link it was made with.',
      shopForFixed: 'Only for a fixed sticker: the shop name printed on it.',
    },
    languages: { nl: 'Nederlands', fr: 'Français', en: 'English', de: 'Deutsch' },
    formats: { png: 'PNG', svg: 'SVG' },
    sizes: { S: 'S (180 px)', M: 'M (250 px)', L: 'L (400 px)', XL: 'XL (800 px)' },
    problems: {
      required: '{{field}}: required.',
      invalid: '{{field}}: not valid.',
      tooLong: '{{field}}: at most {{max}} characters.',
      tooLongShop: '{{field}}: at most {{maxShop}} characters.',
      tooSmall: '{{field}}: at least € 0.01.',
      tooLarge: '{{field}}: at most € 9,999.99.',
      unknownSticker: '{{field}}: this is not a Bancontact or Payconiq sticker link.',
    },
    made: 'Saved {{file}}. The code reads:',
  },
};

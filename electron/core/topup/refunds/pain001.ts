import { euros, sepaText, xmlEscape } from './sepa-text';

/** One refund: the payer gets the wristband's balance back. */
export interface CreditTransfer {
  /** At most 35 characters; the payer's bank shows it, and it comes back on a return. */
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  creditorIban: string;
  /** Unstructured remittance information, at most 140 characters. */
  remittance: string;
}

export interface CreditTransferFile {
  /** At most 35 characters, unique per file: banks refuse a MsgId they have seen. */
  messageId: string;
  createdAt: Date;
  /** YYYY-MM-DD. */
  executionDate: string;
  debtor: { name: string; iban: string };
  transfers: readonly CreditTransfer[];
}

export const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

/**
 * A SEPA credit transfer initiation, pain.001.001.09, with one payment information block: the
 * organiser's account pays every refund on the same day, each transfer in EUR, service level SEPA,
 * charges shared (SLEV) as the SEPA rulebook requires.
 */
export function buildPain001(file: CreditTransferFile): string {
  const count = String(file.transfers.length);
  const sum = euros(file.transfers.reduce((total, t) => total + t.amountCents, 0));
  const debtorName = xmlEscape(sepaText(file.debtor.name, 70));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="${PAIN_001_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '<CstmrCdtTrfInitn>',
    '<GrpHdr>',
    `<MsgId>${xmlEscape(file.messageId)}</MsgId>`,
    `<CreDtTm>${file.createdAt.toISOString().slice(0, 19)}Z</CreDtTm>`,
    `<NbOfTxs>${count}</NbOfTxs>`,
    `<CtrlSum>${sum}</CtrlSum>`,
    `<InitgPty><Nm>${debtorName}</Nm></InitgPty>`,
    '</GrpHdr>',
    '<PmtInf>',
    `<PmtInfId>${xmlEscape(file.messageId)}</PmtInfId>`,
    '<PmtMtd>TRF</PmtMtd>',
    `<NbOfTxs>${count}</NbOfTxs>`,
    `<CtrlSum>${sum}</CtrlSum>`,
    '<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>',
    `<ReqdExctnDt><Dt>${file.executionDate}</Dt></ReqdExctnDt>`,
    `<Dbtr><Nm>${debtorName}</Nm></Dbtr>`,
    `<DbtrAcct><Id><IBAN>${xmlEscape(file.debtor.iban)}</IBAN></Id></DbtrAcct>`,
    // No BIC: SEPA payments inside the EEA are routed by IBAN alone.
    '<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>',
    '<ChrgBr>SLEV</ChrgBr>',
    ...file.transfers.map(transferXml),
    '</PmtInf>',
    '</CstmrCdtTrfInitn>',
    '</Document>',
  ];
  return `${lines.join('\n')}\n`;
}

function transferXml(t: CreditTransfer): string {
  return [
    '<CdtTrfTxInf>',
    `<PmtId><EndToEndId>${xmlEscape(t.endToEndId)}</EndToEndId></PmtId>`,
    `<Amt><InstdAmt Ccy="EUR">${euros(t.amountCents)}</InstdAmt></Amt>`,
    `<Cdtr><Nm>${xmlEscape(sepaText(t.creditorName, 70))}</Nm></Cdtr>`,
    `<CdtrAcct><Id><IBAN>${xmlEscape(t.creditorIban)}</IBAN></Id></CdtrAcct>`,
    `<RmtInf><Ustrd>${xmlEscape(sepaText(t.remittance, 140))}</Ustrd></RmtInf>`,
    '</CdtTrfTxInf>',
  ].join('\n');
}

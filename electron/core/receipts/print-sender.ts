import { connect } from 'node:net';

/*
 * Raw TCP to a network printer (port 9100, "JetDirect"): connect, write every byte, close our side.
 * The printer answers nothing, so "accepted" can only mean: the connection opened, all bytes were
 * flushed and our end sent, and the printer did not reset the connection within a short grace period
 * after that (a printer that took the bytes closes its side, which ends the grace period at once).
 */

export interface PrinterAddress {
  host: string;
  port: number;
}

export interface SendOptions {
  /** Connect plus write; a printer that is off or unplugged fails within this. */
  timeoutMs: number;
  /** After our end was sent: how long a reset still counts as a failure. */
  graceMs?: number;
}

export class PrinterUnreachable extends Error {}

export function sendToPrinter(
  address: PrinterAddress,
  bytes: Uint8Array,
  options: SendOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(options.timeoutMs, () =>
      settle(
        new PrinterUnreachable(
          `no answer from ${address.host}:${address.port} within ${options.timeoutMs} ms`,
        ),
      ),
    );
    socket.on('error', (error) =>
      settle(new PrinterUnreachable(`${address.host}:${address.port}: ${error.message}`)),
    );
    socket.on('connect', () => {
      socket.end(bytes, () => {
        // Every byte is written and our FIN is sent; a reset within the grace period still fails.
        grace = setTimeout(() => settle(null), options.graceMs ?? 300);
      });
    });
    socket.on('close', (hadError) => {
      if (!hadError && grace !== undefined) settle(null);
      else if (!hadError)
        settle(new PrinterUnreachable(`${address.host}:${address.port} closed before taking the receipt`));
    });
    // The printer's own bytes (a status byte some models send) are read and dropped.
    socket.on('data', () => undefined);
  });
}

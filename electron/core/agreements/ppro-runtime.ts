import type { PproClient } from '../ppro';

/**
 * What a running mode has of PPRO (Bancontact WIP, issue 15): the client, built from the mode's PPRO
 * settings (live) or pointed at the embedded PPRO simulator (training), with the key kept in the
 * secret store and never in this object's fields.
 *
 * On ModeRuntime as `ppro: PproRuntime | null`: null when the mode has no PPRO set up (live without
 * PPRO settings), so agreements cannot be sold and nothing is charged.
 */
export interface PproRuntime {
  client: PproClient;
  /** Where PPRO posts this mode's webhooks (the station's HTTP shell), or null when none is known. */
  webhooksUrl: string | null;
  /** The merchant's WIP maximum in cents, when known (settings live, the simulator's in training). */
  maxChargeCents: number | null;
  /**
   * PPRO's time: in training the PPRO simulator's clock (which tests move by months), live the
   * station's own clock. Charges fall due by this clock.
   */
  now(): Promise<number>;
}

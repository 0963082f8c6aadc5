import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, compactVerify, createRemoteJWKSet, decodeProtectedHeader } from 'jose';

/** One request the merchant's callback endpoint received, with its raw body as sent. */
export interface ReceivedCallback {
  path: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  signature: string;
  /** The parsed body. */
  body: { paymentId: string; status: string } & Record<string, unknown>;
}

/** How the endpoint answers: a status code, or `hang` to never answer. */
export type Answer = number | 'hang';

export interface CallbackReceiver {
  baseUrl: string;
  /** `${baseUrl}${path}`, the URL to register as callbackUrl. */
  url(path?: string): string;
  received: ReceivedCallback[];
  /** Answers to give, in order; once used up, `fallback` (200 unless set). */
  answers: Answer[];
  fallback: Answer;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A real HTTP server standing in for the merchant's callback endpoint. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((rawBody) => {
      const signature = String(req.headers.signature ?? '');
      const url = `${receiver.baseUrl}${req.url ?? ''}`;
      const body = JSON.parse(rawBody) as ReceivedCallback['body'];
      received.push({ path: req.url ?? '', url, headers: req.headers, rawBody, signature, body });
      const answer = receiver.answers.shift() ?? receiver.fallback;
      if (answer === 'hang') hanging.push(res);
      else res.writeHead(answer).end();
    });
  });
  const receiver: CallbackReceiver = {
    baseUrl: '',
    url: (path = '/callback') => `${receiver.baseUrl}${path}`,
    received,
    answers: [],
    fallback: 200,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

export const PAYCONIQ_CRIT = {
  'https://payconiq.com/iat': true,
  'https://payconiq.com/jti': true,
  'https://payconiq.com/path': true,
  'https://payconiq.com/iss': true,
  'https://payconiq.com/sub': true,
};

/**
 * Verifies a callback the way a merchant must (reference §2.3), with jose against the JWKS URL: a
 * detached ES256 JWS over the raw body, the five payconiq claims critical, path = the URL called.
 * Returns the protected header; throws when anything does not hold.
 */
export async function verifyCallback(callback: ReceivedCallback, jwksUrl: string, ppid: string) {
  const [head, empty, signature] = callback.signature.split('.');
  if (empty !== '' || head === undefined || signature === undefined) throw new Error('not a detached JWS');
  const jwks = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 0, cacheMaxAge: 0 });
  const token = `${head}.${base64url.encode(callback.rawBody)}.${signature}`;
  const { protectedHeader } = await compactVerify(token, jwks, {
    algorithms: ['ES256'],
    crit: PAYCONIQ_CRIT,
  });
  const claims = protectedHeader as Record<string, unknown>;
  if (claims['https://payconiq.com/path'] !== callback.url) throw new Error('path is not the callback URL');
  if (claims['https://payconiq.com/sub'] !== ppid) throw new Error('sub is not the PPID');
  if (claims['https://payconiq.com/iss'] !== 'Payconiq') throw new Error('iss is not Payconiq');
  return protectedHeader;
}

export function callbackHeader(callback: ReceivedCallback): Record<string, unknown> {
  return decodeProtectedHeader(`${callback.signature.split('.')[0]}..`) as Record<string, unknown>;
}

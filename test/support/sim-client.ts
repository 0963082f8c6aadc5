/** A thin HTTP client for tests: every call goes over real HTTP to a running simulator. */
export interface SimResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when it is empty. */
  body: T;
}

export async function request<T = unknown>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<SimResponse<T>> {
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const res = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...init.headers },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

export function simClient(baseUrl: string) {
  const merchant = (apiKey: string) => {
    const auth = { authorization: `Bearer ${apiKey}` };
    return {
      post: <T = unknown>(path: string, body?: unknown, headers: Record<string, string> = {}) =>
        request<T>(`${baseUrl}${path}`, { method: 'POST', headers: { ...auth, ...headers }, body }),
      get: <T = unknown>(path: string) => request<T>(`${baseUrl}${path}`, { headers: auth }),
      delete: <T = unknown>(path: string) =>
        request<T>(`${baseUrl}${path}`, { method: 'DELETE', headers: auth }),
    };
  };
  const control = <T = unknown>(path: string, body?: unknown, method?: string) =>
    request<T>(`${baseUrl}${path}`, { method: method ?? (body === undefined ? 'GET' : 'POST'), body });
  return {
    baseUrl,
    merchant,
    control,
    scan: (payload: string, extra: Record<string, unknown> = {}) =>
      control<{ paymentId: string; code?: string }>('/_sim/payer/scan', { payload, ...extra }),
    confirm: (paymentId: string) => control<{ status: string }>('/_sim/payer/confirm', { paymentId }),
    advance: (ms: number) => control('/_sim/clock/advance', { ms }),
    flush: () => control('/_sim/callbacks/flush', {}),
  };
}

export type SimClient = ReturnType<typeof simClient>;

// The public API, called from the page's own origin. Tokens live in sessionStorage (this tab only), never in a URL.

const KEYS = {api: 'rc-identity.api-token', admin: 'rc-identity.admin-token'};

export const tokens = {
  get: kind => sessionStorage.getItem(KEYS[kind]) ?? '',
  set: (kind, value) => value ? sessionStorage.setItem(KEYS[kind], value) : sessionStorage.removeItem(KEYS[kind]),
};

/** An answer other than 2xx, with the API's error code and message. */
export class ApiFailure extends Error {
  constructor(status, code, message, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** What to tell the user. */
  explain() {
    if (this.status === 0) return `The API did not answer: ${this.message}`;
    if (this.status === 401) return `${this.message}. Enter the token at the top of the page.`;
    if (this.status === 503) {
      const wait = this.retryAfter ? ` Try again in ${this.retryAfter} s.` : '';
      return `Not available right now (${this.message}).${wait}`;
    }
    return this.message;
  }
}

/**
 * GETs a path of the API and returns {body, servedBy, servedFrom, staleMs}; throws ApiFailure otherwise.
 * @param {string} path already encoded
 * @param {'api'|'admin'} token which bearer token to send, when one is set
 */
export async function getJson(path, token = 'api') {
  const headers = {Accept: 'application/json'};
  const bearer = tokens.get(token);
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch(path, {headers, cache: 'no-store', credentials: 'omit'});
  } catch (e) {
    throw new ApiFailure(0, 'network', e.message);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiFailure(response.status, error.code ?? `http_${response.status}`,
      error.message ?? `HTTP ${response.status}`, response.headers.get('Retry-After'));
  }
  return {
    body,
    servedBy: response.headers.get('X-Served-By'),
    servedFrom: response.headers.get('X-Served-From'),
    staleMs: response.headers.get('X-Stale-Ms'),
  };
}

/** The path for segments and query parameters, each encoded. */
export function path(segments, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const v of [value].flat()) if (v !== null && v !== undefined && v !== '') params.append(name, v);
  }
  const encoded = '/' + segments.map(s => encodeURIComponent(String(s))).join('/');
  return params.size ? `${encoded}?${params}` : encoded;
}

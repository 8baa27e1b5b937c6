// The API client: the token (from the sign-in box, or the #token= link `npm start` prints) is
// kept in sessionStorage, for this tab only, and sent as a bearer header.

const KEY = 'sitrep-token';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function getToken() {
  return sessionStorage.getItem(KEY);
}

export function setToken(t) {
  if (t) sessionStorage.setItem(KEY, t);
  else sessionStorage.removeItem(KEY);
}

/** Take a token from the address (#token=…) and remove it from there at once. */
export function tokenFromHash() {
  const m = /^#token=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (!m) return false;
  setToken(m[1]);
  history.replaceState(null, '', location.pathname + '#/');
  return true;
}

export async function api(path, { method = 'GET', body, raw = false } = {}) {
  const headers = {};
  const t = getToken();
  if (t) headers.authorization = `Bearer ${t}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      const j = await res.json();
      if (j.message) msg = j.message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, msg);
  }
  return raw ? res : res.json();
}

/** Download an export with the token (a plain link could not send the header). */
export async function download(path, filename) {
  const res = await api(path, { raw: true });
  saveBlob(await res.blob(), filename);
}

/** Hand a blob to the browser as a download named `filename`. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

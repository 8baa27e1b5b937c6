// The address holds the route and the filter (#/, #/incident/ID, #/article/ID, #/stats, each
// with the filter as ?query), so a reload or a shared link shows the same view.

export const FILTER_KEYS = ['from', 'to', 'country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'q', 'status', 'disputed', 'min_confidence', 'bbox'];

/** Who is signed in (meReady: settled once /me has answered), and the values the filter bar offers. */
export const state = { me: { role: null }, options: null, meReady: Promise.resolve() };

export const canEdit = () => state.me.role === 'analyst' || state.me.role === 'admin';

export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  return { parts: (path ?? '').split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query ?? '') };
}

export function currentFilter() {
  const { params } = parseHash();
  const f = new URLSearchParams();
  for (const k of FILTER_KEYS) if (params.get(k)) f.set(k, params.get(k));
  return f;
}

export function go(parts, filter = currentFilter()) {
  const q = filter.toString();
  location.hash = '#/' + parts.map(encodeURIComponent).join('/') + (q ? `?${q}` : '');
}

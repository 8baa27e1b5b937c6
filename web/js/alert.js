// "Alert me on this view": the filter bar's current filter saved as an alert rule (POST
// /api/alerts). The rule fires on new incidents of this view and on changes to them; the toast
// gives its Atom feed (webhooks and e-mail are added with `sitrep alert add` or the API).
import { api } from './api.js';
import { toast } from './dom.js';
import { currentFilter } from './nav.js';

function describe(f) {
  const parts = ['sub_event_type', 'event_type', 'admin1', 'country', 'actor', 'q'].map((k) => f.get(k)).filter(Boolean);
  return parts.join(', ') || 'My view';
}

export async function alertOnView() {
  const filter = currentFilter();
  filter.delete('status');
  if ([...filter.keys()].length === 0) {
    toast('Set a filter first: an alert on every incident would alert on everything.', 'error');
    return null;
  }
  const name = window.prompt('Name this alert', describe(filter));
  if (!name) return null;
  try {
    const r = await api('/alerts', { method: 'POST', body: { name, filter: filter.toString() } });
    toast(`Alert "${r.name}" saved. Its feed: ${r.feed_url}`);
    return r;
  } catch (e) {
    toast(e.message ?? String(e), 'error');
    return null;
  }
}

document.getElementById('alert-me')?.addEventListener('click', () => void alertOnView());

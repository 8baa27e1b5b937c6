// Adding news by hand: one article (pasted text) or a feed's URL. Both go through the same
// extraction, storage and fusion as `sitrep ingest`; the answer links to what was found.

import { api } from './api.js';
import { clear, h, toast } from './dom.js';
import { canEdit, go, state } from './nav.js';

export function ingestPage(main) {
  const editable = canEdit();
  const field = (label, input) => h('label', { class: 'stack' }, label, input);
  const text = h('textarea', { name: 'text', rows: 12, required: true, placeholder: 'The article text, as published.', maxlength: 1000000 });
  const title = h('input', { name: 'title', type: 'text', size: 40 });
  const source = h('input', { name: 'source', type: 'text', size: 20 });
  const published = h('input', { name: 'published', type: 'date' });
  const url = h('input', { name: 'url', type: 'url', size: 40, placeholder: 'https://…' });
  const result = h('div', { class: 'ingest-result', id: 'ingest-result' });
  const article = h(
    'form',
    { class: 'panel ingest' },
    h('h2', {}, 'Add an article'),
    field('Title', title),
    h('div', { class: 'row' }, field('Source', source), field('Published', published)),
    field('Address (optional)', url),
    field('Text', text),
    h('button', { type: 'submit', class: 'ok', disabled: !editable }, 'Extract and store'),
  );
  article.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { text: text.value };
    for (const [k, el] of Object.entries({ title, source, published, url })) if (el.value.trim()) body[k] = el.value.trim();
    try {
      const r = await api('/articles', { method: 'POST', body });
      clear(result).append(
        h('p', {}, `Article ${r.article}: ${r.status}. `, r.incidents.length ? `${r.incidents.length} incident${r.incidents.length === 1 ? '' : 's'}: ` : 'No incident found in it. ', r.incidents.map((id) => [h('a', { href: `#/incident/${encodeURIComponent(id)}` }, id), ' '])),
        h('p', {}, h('a', { href: `#/article/${encodeURIComponent(r.article)}` }, 'See the article with its marks')),
      );
      state.options = null;
    } catch (err) {
      toast(err.message, 'error');
    }
  });
  const feedUrl = h('input', { name: 'feed', type: 'url', size: 50, required: true, placeholder: 'https://example.org/feed.xml' });
  const feed = h('form', { class: 'panel ingest' }, h('h2', {}, 'Read a feed'), h('p', { class: 'muted' }, 'An RSS or Atom feed, or a single web page. Items that carry only a teaser are fetched from their link.'), field('Feed address', feedUrl), h('button', { type: 'submit', disabled: !editable }, 'Read the feed'));
  feed.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await api('/feeds', { method: 'POST', body: { url: feedUrl.value.trim() } });
      clear(result).append(h('p', {}, `${r.read} read, ${r.inserted} new, ${r.unchanged} already stored, ${r.problems} problems; ${r.fused.incidents} incidents fused. `, h('a', { href: '#/', onclick: (ev) => (ev.preventDefault(), go([])) }, 'Back to the desk')));
      state.options = null;
    } catch (err) {
      toast(err.message, 'error');
    }
  });
  clear(main).append(
    h('div', { class: 'ingest-page' }, editable ? null : h('p', { class: 'readonly', id: 'readonly-note' }, 'Adding news needs an analyst\'s token.'), result, article, feed),
  );
}

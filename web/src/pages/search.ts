import { request } from '../api';
import { h } from '../dom';
import { formatPercent, t, tOr } from '../i18n';
import type { PersonSummary } from '../model/family';
import { href, navigate, path } from '../router';
import { errorBox, fieldValue, loading, pageTitle, table } from '../components/ui';
import type { Page } from './page';

export const searchPage: Page = {
  action: 'persons.search',
  title: () => t('search.title'),
  async render(route) {
    const q = route.query.get('q') ?? '';
    const box = h('input', { type: 'search', name: 'q', id: 'search-q', autocomplete: 'off', 'aria-describedby': 'search-hint' });
    box.value = q;
    const form = h(
      'form',
      { role: 'search', class: 'search-form', 'aria-label': t('search.title') },
      h('label', { for: 'search-q' }, t('search.label')),
      h('div', { class: 'row' }, box, h('button', { type: 'submit', class: 'btn btn-primary' }, t('search.submit'))),
      h('p', { id: 'search-hint', class: 'hint' }, t('search.hint')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      navigate('/search', { q: box.value.trim() });
    });
    const results = h('section', { 'aria-live': 'polite', 'aria-labelledby': 'results-h', class: 'results' });
    if (q) {
      results.append(loading());
      void (async () => {
        try {
          const reply = await request<{ persons: PersonSummary[]; next_cursor: string | null }>('/persons', { query: { q, limit: 50 } });
          results.replaceChildren(
            h('h2', { id: 'results-h' }, t('search.results', { count: reply.persons.length })),
            table<PersonSummary>(
              t('search.results_caption', { q }),
              [
                {
                  label: t('col.name'),
                  cell: (p) => h('a', { href: p.family_units[0] ? href(path('families', p.family_units[0]), { person: p.id }) : href(path('persons', p.id)) }, p.display_name || p.id),
                },
                { label: t('col.role'), cell: (p) => tOr(`person_role.${p.kind}`, p.kind) },
                { label: t('col.dob'), cell: (p) => fieldValue(p, 'dob') },
                { label: t('field.nationality'), cell: (p) => fieldValue(p, 'nationality') },
                { label: t('family.records'), cell: (p) => p.sources.map((x) => `${x.source}/${x.record_key}`).join(', ') },
                { label: t('col.match'), numeric: true, cell: (p) => (typeof p.score === 'number' ? formatPercent(p.score) : '—') },
              ],
              reply.persons,
              t('search.none'),
            ),
          );
        } catch (err) {
          results.replaceChildren(errorBox(err));
        }
      })();
    }
    // Focus the box so the next search is a keystroke away.
    window.setTimeout(() => box.focus(), 0);
    return h('div', null, pageTitle(t('search.title')), form, results);
  },
};

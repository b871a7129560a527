import { request } from '../api';
import { h, type Child } from '../dom';
import { formatDate, t, tOr } from '../i18n';
import { allows } from '../permissions';
import { href, navigate, path } from '../router';
import { session } from '../session';
import { announce, facts, notice, field, fieldValue, input, pageTitle, redactedMark, select, statusBadge, submitting, table } from '../components/ui';
import {
  ACTION_FIELDS,
  ACTIONS,
  actionBody,
  childStatusOf,
  daysBetween,
  eventAgency,
  eventSources,
  eventsOf,
  nextDeadline,
  recordRefs,
  sides,
  type ActionKind,
  type ChildStatus,
  type Family,
  type PersonSummary,
  type Relationship,
  type ServedChildStatus,
  type TimelineEvent,
} from '../model/family';
import type { Page } from './page';

// Fields of a person the server may withhold for the role (config/roles.json
// field classes "contact" and "location"), shown as Redacted when it does.
const CONTACT_FIELDS = ['address', 'phone', 'current_location', 'shelter', 'shelter_name'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A link to a stored agency record by its ref ("orr/UAC0000012"). */
export function recordLink(ref: string, label: Child = ref): HTMLElement {
  const [source, ...key] = ref.split('/');
  return h('a', { href: href(path('records', source ?? '', key.join('/'))), class: 'source' }, label);
}

function dueText(due: string): Child {
  const days = daysBetween(today(), due);
  if (days < 0) return h('span', { class: 'overdue' }, t('deadline.overdue', { count: -days }));
  return t('deadline.remaining', { count: days });
}

function memberCard(m: PersonSummary, status: ChildStatus | undefined): HTMLElement {
  const rows: Array<[string, Child]> = [
    [t('col.person_id'), m.id],
    [t('col.dob'), fieldValue(m, 'dob')],
    [t('field.nationality'), fieldValue(m, 'nationality')],
  ];
  if (status) {
    rows.push([t('col.status'), [statusBadge(status.status), status.reason ? ` ${tOr(`reason.${status.reason}`, status.reason)}` : '']]);
    const d = status.next_deadline;
    rows.push([t('col.due'), d ? [formatDate(d.due), ' ', d.met ? t('deadline.met') : dueText(d.due)] : '—']);
  }
  for (const k of new Set([...CONTACT_FIELDS.filter((f) => f in m), ...(m.redacted ?? [])])) rows.push([tOr(`field.${k}`, k), fieldValue(m, k)]);
  const refs = recordRefs(m);
  return h(
    'article',
    { class: `member card ${m.kind}`, 'data-person': m.id, 'aria-labelledby': `m-${m.id}` },
    h('h3', { id: `m-${m.id}` }, m.display_name || m.id, ' ', h('span', { class: 'muted' }, tOr(`person_role.${m.kind}`, m.kind))),
    facts(rows),
    refs.length ? h('p', { class: 'records' }, t('family.records'), ' ', refs.map((r, i) => [i ? ', ' : '', recordLink(r)])) : null,
  );
}

export function timelineList(m: Pick<PersonSummary, 'id' | 'display_name' | 'sources'>, events: readonly TimelineEvent[]): HTMLElement {
  const mine = eventsOf(m, events);
  return h(
    'section',
    { class: 'timeline', 'aria-labelledby': `tl-${m.id}` },
    h('h4', { id: `tl-${m.id}` }, t('family.timeline_of', { name: m.display_name || m.id })),
    mine.length === 0
      ? h('p', { class: 'muted' }, t('common.none'))
      : h(
          'ol',
          null,
          mine.map((e) => {
            const agency = eventAgency(e);
            const withheld = (e.redacted ?? []).includes('custodian');
            return h(
              'li',
              { 'data-type': e.type },
              h('time', { datetime: e.occurred_at }, formatDate(e.occurred_at)),
              ' ',
              h('strong', null, tOr(`event.${e.type}`, e.type)),
              agency ? h('span', { class: 'agency' }, ` · ${tOr(`source.${agency}`, agency)}`) : null,
              withheld ? [' · ', redactedMark()] : e.custodian ? ` · ${e.custodian}` : null,
              e.authority ? h('span', { class: 'muted' }, ` · ${t('family.under', { directive: e.authority })}`) : null,
              e.actor && !e.actor.startsWith('source:') ? h('span', { class: 'muted' }, ` · ${t('family.by', { actor: e.actor })}`) : null,
              eventSources(e).map((ref) => [' · ', recordLink(ref, t('family.source', { ref }))]),
            );
          }),
        ),
  );
}

function relationshipTable(f: Family): HTMLElement {
  const byId = new Map(f.members.map((m) => [m.id, m]));
  const nameOf = (id: string): string => byId.get(id)?.display_name || id;
  return table<Relationship>(
    t('family.relationships'),
    [
      { label: t('col.adult'), cell: (r) => nameOf(r.parent_id) },
      { label: t('col.kind'), cell: (r) => tOr(`kind.${r.kind}`, r.kind) },
      { label: t('col.child'), cell: (r) => nameOf(r.child_id) },
      { label: t('col.status'), cell: (r) => [h('span', { class: `badge rel-${r.status}` }, tOr(`relstatus.${r.status}`, r.status)), r.status_since ? ` ${t('family.since', { date: formatDate(r.status_since) })}` : ''] },
      {
        label: t('col.evidence'),
        cell: (r) =>
          r.evidence.length
            ? h('ul', { class: 'evidence' }, r.evidence.map((ev) => h('li', null, tOr(`evidence.${ev.kind}`, ev.kind), ev.source ? ` · ${tOr(`source.${ev.source}`, ev.source)}` : null, ev.detail ? ` — ${ev.detail}` : null)))
            : '—',
      },
    ],
    f.relationships,
  );
}

function actionForm(f: Family, onDone: () => void): HTMLElement {
  const { adults, children } = sides(f);
  const isAdmin = session.role() === 'admin';
  const kind = select('kind', ACTIONS.map((a) => [a, t(`action.${a}`)]));
  const child = select('child_id', children.map((c) => [c.id, c.display_name || c.id]));
  const parent = select('parent_id', adults.map((a) => [a.id, a.display_name || a.id]));
  const on = input('on', 'date', today());
  on.max = today();
  const extras = h('div', { class: 'filters extras' });
  const parentField = field(t('form.parent'), parent, { required: true });
  const override = input('override_reason');
  const errors = h('div', { class: 'form-errors', tabindex: '-1' });

  const renderExtras = (): void => {
    const k = kind.value as ActionKind;
    parentField.hidden = !ACTION_FIELDS[k].parent;
    extras.replaceChildren(
      ...ACTION_FIELDS[k].extra.map((x) => {
        const control = x.options ? select(x.name, x.options.map((o) => [o, tOr(`opt.${x.name}.${o}`, o)])) : input(x.name);
        return field(tOr(`form.${x.name}`, x.name), control, { required: x.required });
      }),
    );
  };
  kind.addEventListener('change', renderExtras);
  renderExtras();

  const form = h(
    'form',
    { class: 'action-form', 'aria-labelledby': 'actions-h', novalidate: true },
    h('div', { class: 'filters' }, field(t('form.action'), kind, { required: true }), field(t('form.child'), child, { required: true }), parentField, field(t('form.on'), on, { required: true })),
    extras,
    isAdmin ? field(t('form.override_reason'), override, { hint: t('form.override_hint') }) : null,
    errors,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('form.record')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values: Record<string, string> = {};
    new FormData(form).forEach((v, key) => {
      values[key] = String(v);
    });
    const k = kind.value as ActionKind;
    void submitting(form, errors, async () => {
      await request(`${path('families', f.id, 'children', child.value)}/actions`, { method: 'POST', body: actionBody(k, values) });
      announce(t('family.recorded', { action: t(`action.${k}`) }));
      onDone();
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'actions-h' }, h('h2', { id: 'actions-h' }, t('family.actions')), form);
}

async function renderFamily(id: string, highlight: string | null): Promise<HTMLElement> {
  const served = await request<Omit<Family, 'children'> & { children: ServedChildStatus[] }>(path('families', id));
  const f: Family = { ...served, children: served.children.map(childStatusOf) };
  const { adults, children } = sides(f);
  const statusOf = new Map(f.children.map((c) => [c.person_id, c]));
  const next = nextDeadline(f);
  const nextChild = next ? f.members.find((m) => m.id === next.person_id) : undefined;
  const container = h('div', { class: 'family', 'data-family': f.id });
  const reload = (): void => {
    void renderFamily(id, highlight).then((n) => {
      container.replaceWith(n);
      n.querySelector<HTMLElement>('[data-testid=family-status]')?.focus();
    });
  };
  container.append(
    pageTitle(t('family.title', { id: f.id })),
    h(
      'section',
      { class: 'card summary', 'aria-label': t('family.summary'), 'data-testid': 'family-status', tabindex: '-1' },
      facts([
        [
          t('family.children_status'),
          h('ul', { class: 'inline' }, children.map((c) => h('li', { 'data-child': c.id }, c.display_name || c.id, ': ', statusBadge(statusOf.get(c.id)?.status)))),
        ],
        [t('family.next_deadline'), next ? [formatDate(next.due), nextChild ? ` (${nextChild.display_name})` : '', ' · ', tOr(`clock.${next.clock}`, next.clock), ' ', dueText(next.due)] : t('family.no_deadline')],
      ]),
    ),
    h(
      'section',
      { class: 'sides', 'aria-label': t('family.members') },
      h('div', { class: 'side' }, h('h2', null, t('family.adults')), adults.map((m) => [memberCard(m, undefined), timelineList(m, f.timeline)])),
      h('div', { class: 'side' }, h('h2', null, t('family.children')), children.map((m) => [memberCard(m, statusOf.get(m.id)), timelineList(m, f.timeline)])),
    ),
    h('section', { class: 'card', 'aria-labelledby': 'rel-h' }, h('h2', { id: 'rel-h' }, t('family.relationships')), relationshipTable(f)),
  );
  if (allows(session.role(), 'families.act') && children.length) container.append(actionForm(f, reload));
  if (highlight) container.querySelector(`[data-person="${CSS.escape(highlight)}"]`)?.classList.add('highlight');
  return container;
}

export const familyPage: Page = {
  action: 'families.read',
  title: (r) => t('family.title', { id: r.params.id ?? '' }),
  render: (r) => renderFamily(r.params.id ?? '', r.query.get('person')),
};

interface Person {
  id: string;
  display_name: string;
  names?: string[];
  dob?: string | null;
  kind?: string;
  family_units: string[];
  records: Array<{ id: number; ref: string }>;
  redacted?: string[];
  [k: string]: unknown;
}

/** A person: goes to their family; one without a family shows their records and timeline. */
export const personPage: Page = {
  action: 'persons.read',
  title: (r) => t('person.title', { id: r.params.id ?? '' }),
  async render(r) {
    const id = r.params.id ?? '';
    const p = await request<Person>(path('persons', id));
    const fam = p.family_units[0];
    if (fam) {
      navigate(path('families', fam), { person: id });
      return h('p', null, t('common.loading'));
    }
    const tl = await request<{ person_id: string; events: TimelineEvent[] }>(`${path('persons', id)}/timeline`);
    const summary = { id: p.id, display_name: p.display_name, sources: p.records.map((x) => ({ source: x.ref.split('/')[0] ?? '', record_key: x.ref.split('/').slice(1).join('/') })) };
    return h(
      'div',
      null,
      pageTitle(p.display_name || p.id),
      facts([
        [t('col.person_id'), p.id],
        [t('col.dob'), fieldValue(p, 'dob')],
        [t('family.records'), p.records.map((x, i) => [i ? ', ' : '', recordLink(x.ref)])],
      ]),
      notice(t('person.no_family')),
      timelineList(summary, tl.events),
    );
  },
};

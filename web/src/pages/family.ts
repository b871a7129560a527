import { request } from '../api';
import { h, type Child } from '../dom';
import { formatDate, t, tOr } from '../i18n';
import { allows } from '../permissions';
import { href, navigate, path } from '../router';
import { session } from '../session';
import { announce, errorBox, facts, field, fieldValue, input, pageTitle, redactedMark, select, statusBadge, submitting, table } from '../components/ui';

const CONTACT_FIELDS = ['address', 'phone', 'current_location', 'shelter', 'shelter_name'];
import {
  ACTION_FIELDS,
  ACTIONS,
  actionBody,
  nextDeadline,
  eventPlace,
  eventSources,
  orderedTimeline,
  sides,
  type ActionKind,
  type Family,
  type Member,
  type Relationship,
  type TimelineEvent,
} from '../model/family';
import { personName } from './search';
import type { Page } from './page';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function deadlineText(s: { days_overdue?: number | null; days_remaining?: number | null }): Child {
  if ((s.days_overdue ?? 0) > 0) return h('span', { class: 'overdue' }, t('deadline.overdue', { count: s.days_overdue ?? 0 }));
  if (s.days_remaining != null) return t('deadline.remaining', { count: s.days_remaining });
  return null;
}

function memberCard(m: Member): HTMLElement {
  const custody = m.custody;
  return h(
    'article',
    { class: `member card ${m.role}`, 'data-person': m.person_id, 'aria-labelledby': `m-${m.person_id}` },
    h('h3', { id: `m-${m.person_id}` }, personName(m), ' ', h('span', { class: 'muted' }, tOr(`person_role.${m.role}`, m.role))),
    facts([
      [t('col.person_id'), m.person_id],
      [t('col.dob'), fieldValue(m, 'dob')],
      [t('col.a_number'), fieldValue(m, 'a_number')],
      [
        t('col.custody'),
        custody
          ? [
              tOr(`custody.${custody.state ?? ''}`, custody.state ?? '—'),
              custody.agency ? ` · ${custody.agency}` : '',
              ' · ',
              fieldValue(custody as Record<string, unknown>, 'custodian'),
              custody.since ? ` (${t('family.since', { date: formatDate(custody.since) })})` : '',
            ]
          : '—',
      ],
      ...(m.role === 'child' && m.status
        ? ([
            [t('col.status'), [statusBadge(m.status.status), m.status.reason ? ` ${tOr(`reason.${m.status.reason}`, m.status.reason)}` : '']],
            [t('col.due'), m.status.due_date ? [formatDate(m.status.due_date), ' ', deadlineText(m.status)] : '—'],
          ] as Array<[string, Child]>)
        : []),
      // Contact and location fields: shown when sent, marked when the server redacted them for this role.
      ...[...new Set([...CONTACT_FIELDS.filter((k) => k in m), ...(m.redacted ?? [])])].map(
        (k) => [tOr(`field.${k}`, k), fieldValue(m, k)] as [string, Child],
      ),
    ]),
    m.records?.length
      ? h(
          'p',
          { class: 'records' },
          t('family.records'),
          ' ',
          m.records.map((r, i) => [i ? ', ' : '', h('a', { href: href(path('records', r.ref)) }, r.ref)]),
        )
      : null,
  );
}

function timelineList(m: Member): HTMLElement {
  const events = orderedTimeline(m.timeline ?? []);
  return h(
    'section',
    { class: 'timeline', 'aria-labelledby': `tl-${m.person_id}` },
    h('h4', { id: `tl-${m.person_id}` }, t('family.timeline_of', { name: personName(m) })),
    events.length === 0
      ? h('p', { class: 'muted' }, t('common.none'))
      : h(
          'ol',
          null,
          events.map((e: TimelineEvent) => {
            const place = eventPlace(e);
            return h(
              'li',
              { 'data-type': e.type },
              h('time', { datetime: e.occurred_at }, formatDate(e.occurred_at)),
              ' ',
              h('strong', null, tOr(`event.${e.type}`, e.type)),
              place.agency ? h('span', { class: 'agency' }, ` · ${tOr(`agency.${place.agency}`, place.agency)}`) : null,
              place.withheld ? [' · ', redactedMark()] : place.facility ? ` · ${place.facility}` : null,
              e.authority ? h('span', { class: 'muted' }, ` · ${t('family.under', { directive: e.authority })}`) : null,
              eventSources(e).map((ref) => [' · ', h('a', { href: href(path('records', ref)), class: 'source' }, t('family.source', { ref }))]),
            );
          }),
        ),
  );
}

function relationshipTable(f: Family): HTMLElement {
  const byId = new Map(f.members.map((m) => [m.person_id, m]));
  const nameOf = (id: string): string => {
    const m = byId.get(id);
    return m ? personName(m) : id;
  };
  return table<Relationship>(
    t('family.relationships'),
    [
      { label: t('col.adult'), cell: (r) => nameOf(r.parent_id) },
      { label: t('col.kind'), cell: (r) => tOr(`kind.${r.kind}`, r.kind) },
      { label: t('col.child'), cell: (r) => nameOf(r.child_id) },
      { label: t('col.status'), cell: (r) => h('span', { class: `badge rel-${r.status}` }, tOr(`relstatus.${r.status}`, r.status)) },
      {
        label: t('col.evidence'),
        cell: (r) =>
          r.evidence?.length
            ? h(
                'ul',
                { class: 'evidence' },
                r.evidence.map((ev) =>
                  h('li', null, tOr(`evidence.${ev.kind}`, ev.kind), ev.ref ? [' · ', h('a', { href: href(path('records', ev.ref)) }, ev.ref)] : ev.source ? ` · ${ev.source}` : null, ev.note ? ` — ${ev.note}` : null),
                ),
              )
            : '—',
      },
    ],
    f.relationships,
  );
}

function actionForm(f: Family, onDone: () => void): HTMLElement {
  const { adults, children } = sides(f);
  const isAdmin = session.role() === 'admin';
  const kind = select(
    'action',
    ACTIONS.map((a) => [a, t(`action.${a}`)]),
  );
  kind.setAttribute('data-testid', 'action-kind');
  const child = select('child_id', children.map((c) => [c.person_id, personName(c)]));
  const parent = select('parent_id', adults.map((a) => [a.person_id, personName(a)]));
  const on = input('on', 'date', today());
  on.max = today();
  const extras = h('div', { class: 'extras' });
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
    field(t('form.action'), kind, { required: true }),
    field(t('form.child'), child, { required: true }),
    parentField,
    field(t('form.on'), on, { required: true }),
    extras,
    isAdmin ? field(t('form.override_reason'), override, { hint: t('form.override_hint') }) : null,
    errors,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('form.record')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values: Record<string, string> = {};
    new FormData(form).forEach((v, k) => {
      values[k] = String(v);
    });
    const k = kind.value as ActionKind;
    void submitting(form, errors, async () => {
      await request(`${path('families', f.family_unit_id)}/actions`, { method: 'POST', body: actionBody(k, values) });
      announce(t('family.recorded', { action: t(`action.${k}`) }));
      onDone();
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'actions-h' }, h('h2', { id: 'actions-h' }, t('family.actions')), form);
}

async function renderFamily(id: string, highlight: string | null): Promise<Node> {
  const f = await request<Family>(path('families', id));
  const { adults, children } = sides(f);
  const next = nextDeadline(f);
  const container = h('div', { class: 'family', 'data-family': f.family_unit_id });
  const nextChild = next ? f.members.find((m) => m.person_id === next.child_id) : undefined;
  const reload = (): void => {
    void renderFamily(id, highlight).then((n) => {
      container.replaceWith(n);
      (n as HTMLElement).querySelector<HTMLElement>('[data-testid=family-status]')?.focus();
    });
  };
  container.append(
    pageTitle(t('family.title', { id: f.family_unit_id })),
    h(
      'section',
      { class: 'card summary', 'aria-label': t('family.summary'), 'data-testid': 'family-status', tabindex: '-1' },
      facts([
        [t('col.apprehended'), formatDate(f.apprehended_on)],
        [t('col.sector'), [f.sector ?? '—', f.station ? ` · ${f.station}` : '']],
        [t('col.agency_numbers'), (f.agency_numbers ?? []).join(', ') || '—'],
        [t('family.children_status'), h('ul', { class: 'inline' }, children.map((c) => h('li', { 'data-child': c.person_id }, personName(c), ': ', statusBadge(c.status?.status))))],
        [
          t('family.next_deadline'),
          next?.due_date ? [formatDate(next.due_date), nextChild ? ` (${personName(nextChild)})` : '', ' ', deadlineText(next)] : t('family.no_deadline'),
        ],
      ]),
    ),
    h(
      'section',
      { class: 'sides', 'aria-label': t('family.members') },
      h('div', { class: 'side' }, h('h2', null, t('family.adults')), adults.map((m) => [memberCard(m), timelineList(m)])),
      h('div', { class: 'side' }, h('h2', null, t('family.children')), children.map((m) => [memberCard(m), timelineList(m)])),
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

/** A person without a family unit in the URL: find their family and go there. */
export const personPage: Page = {
  action: 'persons.read',
  title: (r) => t('person.title', { id: r.params.id ?? '' }),
  async render(r) {
    const id = r.params.id ?? '';
    const p = await request<Member & { family_unit_id?: string | null; family_units?: string[] }>(path('persons', id));
    const fam = p.family_unit_id ?? p.family_units?.[0];
    if (fam) {
      navigate(path('families', fam), { person: id });
      return h('p', null, t('common.loading'));
    }
    return h('div', null, pageTitle(personName(p)), memberCard(p), timelineList(p), errorBox(new Error(t('person.no_family'))));
  },
};


import { request } from '../api';
import { h } from '../dom';
import { locale, t, tOr } from '../i18n';
import { field, input, notice, select, submitting } from '../components/ui';
import { intakeBody, intakeProblems, RELATIONSHIPS } from '../model/tracing';
import type { Page } from './page';

// The public form: a parent or relative says what they know. The reply is a
// reference number and never any record (the server guarantees it).
export const traceIntakePage: Page = {
  public: true,
  title: () => t('trace.title'),
  render() {
    const errors = h('div', { class: 'form-errors', tabindex: '-1' });
    const consent = h('input', { type: 'checkbox', name: 'consent', id: 'consent' });
    const sex = select('sought.sex', [['', '—'], ['female', t('opt.sex.female')], ['male', t('opt.sex.male')], ['unknown', t('opt.sex.unknown')]]);
    const rel = select('requester.relationship', [['', '—'], ...RELATIONSHIPS.map((r) => [r, tOr(`relationship.${r}`, r)] as [string, string])]);
    const name = input('requester.name');
    name.autocomplete = 'name';
    const phone = input('requester.phone', 'tel');
    phone.autocomplete = 'tel';
    const email = input('requester.email', 'email');
    email.autocomplete = 'email';
    const form = h(
      'form',
      { class: 'card intake', novalidate: true, 'aria-labelledby': 'page-title' },
      h(
        'fieldset',
        null,
        h('legend', null, t('trace.about_you')),
        field(t('trace.requester.name'), name, { required: true }),
        field(t('trace.requester.relationship'), rel),
        field(t('trace.requester.phone'), phone, { hint: t('trace.contact_hint') }),
        field(t('trace.requester.email'), email),
      ),
      h(
        'fieldset',
        null,
        h('legend', null, t('trace.about_them')),
        field(t('trace.sought.given_name'), input('sought.given_name'), { required: true, hint: t('trace.name_hint') }),
        field(t('trace.sought.family_name'), input('sought.family_name')),
        field(t('trace.sought.other_names'), input('sought.other_names'), { hint: t('trace.other_names_hint') }),
        field(t('trace.sought.dob'), input('sought.dob', 'date')),
        field(t('trace.sought.birth_year'), input('sought.birth_year', 'number')),
        field(t('trace.sought.sex'), sex),
        field(t('trace.sought.nationality'), input('sought.nationality')),
        field(t('trace.sought.place_of_birth'), input('sought.place_of_birth')),
        field(t('trace.sought.last_seen_place'), input('sought.last_seen_place')),
        field(t('trace.sought.last_seen_date'), input('sought.last_seen_date', 'date')),
        field(t('trace.sought.a_number'), input('sought.a_number'), { hint: t('trace.a_number_hint') }),
      ),
      field(t('trace.notes'), h('textarea', { name: 'notes', rows: 3 })),
      h('div', { class: 'field check' }, consent, h('label', { for: 'consent' }, t('trace.consent'))),
      errors,
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('trace.submit')),
    );
    const wrap = h('div', { class: 'trace' }, h('h1', { id: 'page-title' }, t('trace.title')), h('p', { class: 'lede' }, t('trace.lede')), form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const values: Record<string, string> = {};
      new FormData(form).forEach((v, k) => {
        values[k] = String(v);
      });
      const body = intakeBody(values, locale(), consent.checked);
      const problems = intakeProblems(body);
      if (problems.length) {
        errors.replaceChildren(
          h('div', { class: 'alert alert-error', role: 'alert' }, h('strong', null, t('trace.fix')), h('ul', null, problems.map((p) => h('li', null, t(`trace.problem.${p}`))))),
        );
        errors.focus();
        return;
      }
      void submitting(form, errors, async () => {
        const reply = await request<{ reference: string; status: string; message: string }>('/tracing-requests', { method: 'POST', body });
        const done = h(
          'div',
          { class: 'card', 'data-testid': 'trace-done', tabindex: '-1' },
          notice(t('trace.thanks'), 'ok'),
          h('p', null, t('trace.reference'), ' ', h('strong', { class: 'reference', 'data-testid': 'reference' }, reply.reference)),
          h('p', null, reply.message),
        );
        form.replaceWith(done);
        done.focus();
      });
    });
    return wrap;
  },
};

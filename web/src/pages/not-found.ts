import { h } from '../dom';
import { t } from '../i18n';
import { href } from '../router';
import type { Page } from './page';

export const notFoundPage: Page = {
  public: true,
  title: () => t('notfound.title'),
  render: () =>
    h('div', null, h('h1', { id: 'page-title' }, t('notfound.title')), h('p', null, h('a', { href: href('/') }, t('notfound.home')))),
};

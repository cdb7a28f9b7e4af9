// Shows an error the way the service explained it: its title and detail, each field it named, and what the
// status means for the person at the page.
import { h } from './dom.js';
import { meaning } from './api.js';

/** A box for an ApiError (or any error), announced to screen readers as an alert. */
export function problemBox(error) {
  const problem = error.problem ?? { title: 'Something went wrong', detail: error.message };
  const status = error.status ?? problem.status;
  const explanation = meaning(status);
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return h('div', { class: 'problem', role: 'alert', dataset: { status: status ?? '' } },
    h('p', { class: 'problem-title' }, problem.title ?? 'Error', status ? ` (${status})` : ''),
    problem.detail ? h('p', { class: 'problem-detail' }, problem.detail) : null,
    explanation ? h('p', { class: 'problem-meaning' }, explanation) : null,
    errors.length ? h('ul', { class: 'problem-errors' },
      errors.map(e => h('li', { dataset: { field: e.field ?? '' } }, h('code', {}, e.field ?? ''), ': ', e.message ?? '')))
      : null);
}

/** Replaces what the slot shows with the problem (or clears it when error is null). */
export function showProblem(slot, error) {
  slot.replaceChildren(...(error ? [problemBox(error)] : []));
}

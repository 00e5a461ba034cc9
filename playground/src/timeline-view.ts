import { badge, h } from './dom';
import { renderError } from './error-view';
import { clock, plural, shortId } from './format';
import type { TimelineEntry, TimelineGroup, TimelineModel } from './timeline-model';

const ICONS: Record<TimelineEntry['kind'], string> = {
  request: '→',
  http: '⇄',
  success: '✓',
  error: '✕',
  state: '◆',
  progress: '…',
  completed: '✓',
  failed: '✕',
};

function renderEntry(entry: TimelineEntry, startedAt: number): HTMLElement {
  return h(
    'li',
    {
      class: `tl-entry kind-${entry.kind}`,
      'data-testid': 'tl-entry',
      'data-kind': entry.kind,
      'data-event': entry.event,
    },
    h('span', { class: 'tl-time' }, `+${entry.at - startedAt} ms`),
    h('span', { class: 'tl-icon', 'aria-hidden': 'true' }, ICONS[entry.kind]),
    h(
      'div',
      { class: 'tl-body' },
      h('span', { class: 'tl-event' }, entry.event),
      entry.text === '' ? null : h('span', { class: 'tl-text', title: entry.text }, entry.text),
    ),
    entry.error === undefined ? null : renderError(entry.error, 'tl-error'),
  );
}

function renderGroup(group: TimelineGroup): HTMLElement {
  const progress = group.progress ?? 0;
  return h(
    'li',
    {
      class: `tl-group status-${group.status}`,
      'data-testid': 'tl-group',
      'data-operation': group.operation,
      'data-request-id': group.requestId,
      'data-status': group.status,
    },
    h(
      'div',
      { class: 'tl-head' },
      h('span', { class: 'tl-op' }, group.operation),
      badge(group.status, 'tl-status', group.status === 'running' ? 'info' : undefined),
      h('span', { class: 'tl-rid', title: `requestId ${group.requestId}` }, `#${shortId(group.requestId)}`),
      h('time', { class: 'tl-clock' }, clock(group.startedAt)),
    ),
    group.longRunning && group.progress !== undefined
      ? h(
          'div',
          {
            class: 'tl-progress',
            role: 'progressbar',
            'aria-valuemin': 0,
            'aria-valuemax': 100,
            'aria-valuenow': progress,
            'data-testid': 'tl-progress',
          },
          h('div', { class: 'tl-progress-fill', style: `width: ${progress}%` }),
          h('span', { class: 'tl-progress-label' }, `${progress}%`),
        )
      : null,
    group.dropped === 0
      ? null
      : h('p', { class: 'tl-group-dropped' }, `${plural(group.dropped, 'earlier event')} dropped`),
    h('ol', { class: 'tl-entries' }, ...group.entries.map((entry) => renderEntry(entry, group.startedAt))),
  );
}

/**
 * The devtools panel: one card per requestId, newest first, each with its events and HTTP calls in order.
 * Its counters count the entries shown: hidden chart samples are neither counted nor said dropped. `actions`
 * go at the end of its head (the layout's close button of the drawer).
 */
export function mountTimeline(root: HTMLElement, model: TimelineModel, actions: readonly HTMLElement[] = []): void {
  const list = h('ol', { class: 'tl-groups', 'data-testid': 'tl-groups', 'aria-live': 'polite' });
  const count = h('span', { class: 'tl-count', 'data-testid': 'tl-count' });
  const dropped = h('span', { class: 'tl-dropped', 'data-testid': 'tl-dropped' });
  const samples = h('input', { type: 'checkbox', 'data-testid': 'tl-show-samples' });
  const hidden = h('p', { class: 'tl-hidden muted' });
  const empty = h('p', { class: 'tl-empty muted' }, 'Requests you send appear here with their HTTP calls.');
  const elements = new Map<string, HTMLElement>();

  const visible = (group: TimelineGroup) => samples.checked || !group.sampling;
  const updateCounts = () => {
    const groups = [...model.groups.values()];
    const sampling = groups.filter((group) => group.sampling).length;
    const shown = model.size(false) + (samples.checked ? model.size(true) : 0);
    const lost = model.dropped.requests + (samples.checked ? model.dropped.samples : 0);
    count.textContent = plural(shown, 'event');
    count.dataset['count'] = String(shown);
    dropped.textContent = lost > 0 ? `${lost} dropped` : '';
    dropped.dataset['count'] = String(lost);
    dropped.title = `${plural(lost, 'older event')} dropped: the timeline keeps the last ${model.capacity}`;
    hidden.textContent = samples.checked || sampling === 0 ? '' : `${plural(sampling, 'chart sample')} hidden`;
    empty.hidden = groups.some(visible);
  };
  const renderAll = () => {
    elements.clear();
    const items = [...model.groups.values()].filter(visible).reverse().map(renderGroup);
    for (const item of items) elements.set(item.dataset['requestId'] ?? '', item);
    list.replaceChildren(...items);
    updateCounts();
  };
  const update = (group: TimelineGroup | null) => {
    if (group === null) return renderAll();
    const previous = elements.get(group.requestId);
    if (!model.groups.has(group.requestId)) {
      previous?.remove();
      elements.delete(group.requestId);
      return updateCounts();
    }
    if (!visible(group)) return updateCounts();
    const next = renderGroup(group);
    elements.set(group.requestId, next);
    if (previous === undefined) list.prepend(next);
    else previous.replaceWith(next);
    updateCounts();
  };

  samples.addEventListener('change', renderAll);
  root.replaceChildren(
    h(
      'div',
      { class: 'panel-head' },
      h('h2', {}, 'Event timeline'),
      count,
      dropped,
      h('label', { class: 'tl-toggle', title: 'Show the listServices calls of the usage chart' }, samples, 'samples'),
      h(
        'button',
        { type: 'button', class: 'btn btn-ghost btn-small', 'data-testid': 'tl-clear', onClick: () => model.clear() },
        'Clear',
      ),
      ...actions,
    ),
    h('div', { class: 'tl-scroll' }, empty, hidden, list),
  );
  model.subscribe(update);
  renderAll();
}

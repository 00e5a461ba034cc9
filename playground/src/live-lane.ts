import { h } from './dom';
import { clock, plural } from './format';
import type { LiveEntry, LiveLog } from './live-log';

const ICONS: Record<LiveEntry['kind'], string> = { push: '⇣', batch: '◆', status: '●', notification: '!' };
const isSample = (entry: LiveEntry) => entry.type === 'usage.sampled';

function renderEntry(entry: LiveEntry): HTMLElement {
  return h(
    'li',
    {
      class: `live-entry live-${entry.kind}`,
      'data-testid': 'live-entry',
      'data-kind': entry.kind,
      'data-type': entry.type,
      'data-seq': entry.seq,
      'data-event-id': entry.eventId,
    },
    h('time', { class: 'live-time' }, clock(entry.at)),
    h('span', { class: 'live-icon', 'aria-hidden': 'true' }, ICONS[entry.kind]),
    h('span', { class: 'live-type' }, entry.type),
    entry.eventId === undefined ? null : h('span', { class: 'live-id' }, `#${entry.eventId}`),
    h('span', { class: 'live-text', title: entry.text }, entry.text),
  );
}

/**
 * The timeline's lane for what the server pushed, apart from the request cards: each pushed event, each
 * batch the tree took in, the stream's status changes and notifications, newest first. The log is bounded;
 * the lane says how many entries it dropped.
 */
export function mountLiveLane(root: HTMLElement, log: LiveLog): void {
  const list = h('ol', { class: 'live-entries', 'data-testid': 'live-entries' });
  const count = h('span', { class: 'live-count', 'data-testid': 'live-count' });
  const dropped = h('span', { class: 'live-dropped', 'data-testid': 'live-dropped' });
  const samples = h('input', { type: 'checkbox', 'data-testid': 'live-show-samples' });
  const empty = h('p', { class: 'live-empty muted' }, 'Events the server pushes appear here once the stream is open.');
  const visible = (entry: LiveEntry) => samples.checked || !isSample(entry);

  const updateCounts = () => {
    const hidden = samples.checked ? 0 : log.entries.filter(isSample).length;
    count.textContent = plural(log.entries.length, 'event') + (hidden > 0 ? ` · ${hidden} hidden` : '');
    dropped.textContent = log.dropped > 0 ? `${log.dropped} older dropped` : '';
    dropped.dataset['count'] = String(log.dropped);
    empty.hidden = log.entries.some(visible);
  };
  const renderAll = () => {
    list.replaceChildren(...log.entries.filter(visible).reverse().map(renderEntry));
    updateCounts();
  };
  const update = (entry: LiveEntry | null) => {
    if (entry === null) return renderAll();
    if (visible(entry)) list.prepend(renderEntry(entry));
    // The log dropped its oldest: so does the list (hidden samples were never rendered).
    const oldest = log.entries[0]?.seq ?? 0;
    while (list.lastElementChild !== null && Number((list.lastElementChild as HTMLElement).dataset['seq']) < oldest) {
      list.lastElementChild.remove();
    }
    updateCounts();
  };

  samples.addEventListener('change', renderAll);
  root.replaceChildren(
    h(
      'div',
      { class: 'live-head' },
      h('h2', { id: 'live-lane-title' }, 'Pushed'),
      count,
      dropped,
      h('label', { class: 'tl-toggle', title: 'Show the usage.sampled events' }, samples, 'samples'),
      h(
        'button',
        { type: 'button', class: 'btn btn-ghost btn-small', 'data-testid': 'live-clear', onClick: () => log.clear() },
        'Clear',
      ),
    ),
    h('div', { class: 'live-scroll' }, empty, list),
  );
  root.setAttribute('aria-labelledby', 'live-lane-title');
  log.subscribe(update);
  renderAll();
}

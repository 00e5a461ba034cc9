import { h } from './dom';
import { clock, plural } from './format';
import { isSampleEntry as isSample, type LiveEntry, type LiveLog } from './live-log';

const ICONS: Record<LiveEntry['kind'], string> = { push: '⇣', batch: '◆', status: '●', notification: '!' };

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
  // What the lane shows, oldest first: the entries other than samples, or, samples ticked, the newest
  // `capacity` of all.
  const shown = () => (samples.checked ? log.entries.slice(-log.capacity) : log.entries.filter((e) => !isSample(e)));

  // The counters count what the lane shows: hidden samples are said hidden, not counted nor said dropped.
  const updateCounts = (visible: readonly LiveEntry[]) => {
    const hidden = samples.checked ? 0 : log.entries.length - visible.length;
    const lost = samples.checked ? log.dropped + log.entries.length - visible.length : log.dropped - log.droppedSamples;
    count.textContent = plural(visible.length, 'event') + (hidden > 0 ? ` · ${hidden} hidden` : '');
    count.title = hidden > 0 ? `${plural(hidden, 'usage.sampled event')} hidden: tick "samples" to show them` : '';
    count.dataset['count'] = String(visible.length);
    dropped.textContent = lost > 0 ? `${lost} dropped` : '';
    dropped.dataset['count'] = String(lost);
    dropped.title = `${lost} older ${lost === 1 ? 'entry' : 'entries'} dropped: the lane keeps the last ${log.capacity}`;
    empty.hidden = visible.length > 0;
  };
  const renderAll = () => {
    const visible = shown();
    list.replaceChildren(...[...visible].reverse().map(renderEntry));
    updateCounts(visible);
  };
  const update = (entry: LiveEntry | null) => {
    if (entry === null) return renderAll();
    const visible = shown();
    if (visible.at(-1) === entry) list.prepend(renderEntry(entry));
    // The lane shows its newest entries: the ones no longer shown go from the end of the list.
    const oldest = visible[0]?.seq ?? Infinity;
    while (list.lastElementChild !== null && Number((list.lastElementChild as HTMLElement).dataset['seq']) < oldest) {
      list.lastElementChild.remove();
    }
    updateCounts(visible);
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

import { h } from './dom';
import type { TimelineModel } from './timeline-model';

/** The page's three panes: the user tree, the details with the request forms, the event timeline. */
export const PANES = ['tree', 'center', 'timeline'] as const;
export type Pane = (typeof PANES)[number];

const PANE_LABELS: Record<Pane, string> = { tree: 'Tree', center: 'Details & actions', timeline: 'Timeline' };

/**
 * The widths the stylesheet (styles/responsive.css) switches at: below `drawer` the timeline is a drawer over
 * two columns, below `single` one pane shows at a time, picked by tabs.
 */
export const BREAKPOINTS = { single: 900, drawer: 1280 } as const;

export interface LayoutElements {
  /** The grid holding the panes; its `data-pane` says which one the tabs (or the drawer) show. */
  layout: HTMLElement;
  /** Where the pane tabs go (shown below `BREAKPOINTS.single`). */
  tabs: HTMLElement;
  tree: HTMLElement;
}

export interface Layout {
  readonly pane: Pane;
  /** Shows `pane`: its tab below 900 px; `timeline` opens the drawer between 900 and 1280 px. */
  show(pane: Pane): void;
  /** The header's button opening and closing the timeline drawer (shown between 900 and 1280 px). */
  readonly timelineToggle: HTMLButtonElement;
  /** The timeline head's button closing the drawer. */
  readonly closeTimeline: HTMLButtonElement;
}

/**
 * One layout from 390 px to 1920 px: three columns from 1280 px; below it the tree and the details side by
 * side, the timeline a drawer; below 900 px one pane at a time, chosen by tabs, and a node picked in the tree
 * shows its details. The tab and the drawer's button count the timeline's events not seen yet.
 */
export function mountLayout(elements: LayoutElements, timeline: TimelineModel): Layout {
  const { layout, tabs, tree } = elements;
  const wide = window.matchMedia(`(min-width: ${BREAKPOINTS.drawer}px)`);
  const single = window.matchMedia(`(max-width: ${BREAKPOINTS.single - 0.02}px)`);
  const buttons = new Map<Pane, HTMLButtonElement>();
  const unseenBadges: HTMLElement[] = [];
  // Events recorded so far (kept or dropped): what the timeline held when it was last in view.
  const recorded = () => timeline.size(false) + timeline.dropped.requests;
  let seen = recorded();
  let pane: Pane = 'center';

  const unseenBadge = () => {
    const element = h('span', { class: 'unseen', 'data-testid': 'timeline-unseen', hidden: true });
    unseenBadges.push(element);
    return element;
  };
  for (const name of PANES) {
    buttons.set(
      name,
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: 'pane-tab',
          id: `pane-tab-${name}`,
          'aria-controls': name,
          'data-testid': `pane-tab-${name}`,
          onClick: () => show(name),
        },
        PANE_LABELS[name],
        name === 'timeline' ? unseenBadge() : null,
      ),
    );
  }
  const timelineToggle = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small timeline-toggle',
      'aria-controls': 'timeline',
      'data-testid': 'timeline-toggle',
      onClick: () => show(pane === 'timeline' ? 'center' : 'timeline'),
    },
    'Timeline',
    unseenBadge(),
  );
  const closeTimeline = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-ghost btn-small timeline-close',
      'aria-label': 'Close the timeline',
      title: 'Close the timeline (Esc)',
      'data-testid': 'timeline-close',
      onClick: () => {
        show('center');
        timelineToggle.focus();
      },
    },
    '✕',
  );

  const timelineInView = () => wide.matches || pane === 'timeline';
  const updateUnseen = () => {
    // In view, or cleared: nothing unseen.
    if (timelineInView() || recorded() < seen) seen = recorded();
    const unseen = Math.max(0, recorded() - seen);
    for (const element of unseenBadges) {
      element.hidden = unseen === 0;
      element.textContent = unseen > 99 ? '99+' : String(unseen);
    }
  };
  const show = (next: Pane) => {
    pane = next;
    layout.dataset['pane'] = next;
    for (const [name, button] of buttons) button.setAttribute('aria-selected', String(name === next));
    timelineToggle.setAttribute('aria-expanded', String(next === 'timeline'));
    updateUnseen();
  };

  // On a phone, picking a node is picking what to look at: its details.
  tree.addEventListener('click', (event) => {
    if (single.matches && (event.target as Element).closest('.node-button') !== null) show('center');
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || pane !== 'timeline' || wide.matches || single.matches) return;
    show('center');
    timelineToggle.focus();
  });
  wide.addEventListener('change', updateUnseen);
  timeline.subscribe((group) => {
    if (group === null || !group.sampling) updateUnseen();
  });

  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', 'Panes');
  tabs.replaceChildren(...buttons.values());
  show(pane);
  return {
    get pane() {
      return pane;
    },
    show,
    timelineToggle,
    closeTimeline,
  };
}

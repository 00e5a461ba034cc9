// A tiny DOM builder: h('div', { class: 'x', 'data-testid': 'y', onClick: fn }, ...children).

export type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

function apply(element: Element, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(element: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
}

/** An HTML element with attributes (`on*` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, attrs);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, like {@link h}. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, attrs);
  append(element, children);
  return element;
}

/** The element with `id`, or a clear error when index.html lacks it. */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`index.html has no element #${id}`);
  return element;
}

const TONES: Record<string, string> = {
  running: 'good',
  active: 'good',
  succeeded: 'good',
  completed: 'good',
  success: 'good',
  deploying: 'info',
  pending: 'info',
  waiting: 'info',
  accepted: 'info',
  degraded: 'warn',
  suspended: 'warn',
  deleting: 'warn',
  stopped: 'warn',
  failed: 'bad',
  error: 'bad',
  terminated: 'bad',
};

/** A status pill; `tone` (good, info, warn, bad, neutral) defaults from the status. */
export function badge(status: string, testId?: string, tone = TONES[status] ?? 'neutral'): HTMLElement {
  return h('span', { class: `badge tone-${tone}`, 'data-testid': testId, 'data-status': status }, status);
}

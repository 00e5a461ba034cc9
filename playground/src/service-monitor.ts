import type { User } from 'aurora-backend-handler';
import type { Backend } from './backend';
import { badge, h } from './dom';
import { plural } from './format';
import { SAMPLING_PREFIX } from './timeline-model';
import { CHART_DEFAULT_WIDTH, renderUsageChart, SERIES, type UsageSample } from './usage-chart';

type Service = User['tenants'][number]['services'][number];

const INTERVAL_MS = 2_000;
const KEEP = 80;

/**
 * Samples one service every 2 s with `listServices` filtered on its id, and shows its cpu and memory over
 * time plus the status of each of its instances. The chart is redrawn for its box's width (a ResizeObserver
 * while a service is watched), so its text keeps one size.
 */
export class ServiceMonitor {
  readonly element = h('section', { class: 'monitor card', 'data-testid': 'service-monitor' });
  readonly #chart = h('div', { class: 'chart-box' });
  #chartWidth = 0;
  #resize: ResizeObserver | undefined;
  readonly #samples = new Map<string, UsageSample[]>();
  #target: { tenantId: string; serviceId: string } | undefined;
  #service: Service | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #error = '';

  constructor(private readonly backend: Backend) {}

  /** Starts sampling `serviceId` (restarts only when the service changes). */
  watch(tenantId: string, serviceId: string, service: Service): void {
    this.#service = service;
    if (this.#target?.serviceId === serviceId && this.#target.tenantId === tenantId) return this.render();
    this.stop();
    this.#target = { tenantId, serviceId };
    this.#resize = new ResizeObserver(([entry]) => {
      // A hidden pane measures 0: the chart keeps its last drawing until it is shown again.
      const width = Math.round(entry?.contentRect.width ?? 0);
      if (width === 0 || width === this.#chartWidth) return;
      this.#chartWidth = width;
      this.#drawChart();
    });
    this.#resize.observe(this.#chart);
    this.render();
    void this.#sample();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#timer = undefined;
    this.#target = undefined;
  }

  #drawChart(): void {
    if (this.#target === undefined) return;
    const samples = this.#samples.get(this.#target.serviceId) ?? [];
    const width = this.#chartWidth || this.#chart.clientWidth || CHART_DEFAULT_WIDTH;
    this.#chart.replaceChildren(renderUsageChart(samples, width));
  }

  async #sample(): Promise<void> {
    const target = this.#target;
    if (target === undefined) return;
    try {
      const page = (await this.backend.send(
        'listServices',
        {
          tenantId: target.tenantId,
          query: { filter: { operator: 'and', filters: [{ field: 'id', operator: 'eq', value: target.serviceId }] } },
        },
        { requestId: `${SAMPLING_PREFIX}${crypto.randomUUID()}`, timeoutMs: 10_000 },
      )) as { items: Service[] };
      const service = page.items[0];
      this.#error = service === undefined ? 'The service is gone.' : '';
      if (service !== undefined && this.#target === target) {
        this.#service = service;
        const { current, limit } = service.usage;
        const samples = this.#samples.get(target.serviceId) ?? [];
        samples.push({
          at: Date.now(),
          cpu: current.cpu,
          cpuMax: limit.cpu.max,
          memory: current.memory,
          memoryMax: limit.memory.max,
        });
        this.#samples.set(target.serviceId, samples.slice(-KEEP));
      }
    } catch (error) {
      this.#error = `Sampling failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (this.#target !== target) return;
    this.render();
    this.#timer = setTimeout(() => void this.#sample(), INTERVAL_MS);
  }

  render(): void {
    const service = this.#service;
    if (this.#target === undefined || service === undefined) return;
    const samples = this.#samples.get(this.#target.serviceId) ?? [];
    const last = samples.at(-1);
    const units = { cpu: 'vCPU', memory: 'MB' } as const;
    const legend = SERIES.map(({ key, max, label, className }) =>
      h(
        'span',
        { class: `legend-item ${className}`, 'data-testid': `legend-${key}` },
        h('span', { class: 'legend-swatch' }),
        `${label} `,
        h('strong', {}, last === undefined ? '—' : `${last[key]}`),
        last === undefined ? '' : ` of ${last[max]} ${units[key]}`,
      ),
    );
    this.#drawChart();
    const roles = service.roles.map((role) =>
      h(
        'div',
        { class: 'monitor-role' },
        h('span', { class: 'monitor-role-name' }, role.name),
        ...role.instances.map((instance) =>
          h(
            'span',
            {
              class: 'instance-chip',
              'data-testid': 'monitor-instance',
              'data-status': instance.status,
              title: instance.id,
            },
            badge(instance.status),
            instance.name,
          ),
        ),
        role.instances.length === 0 ? h('span', { class: 'muted' }, 'no instances') : null,
      ),
    );
    this.element.replaceChildren(
      h(
        'div',
        { class: 'monitor-head' },
        h('h3', {}, `Usage of ${service.name}`),
        badge(service.status, 'monitor-status'),
        h(
          'span',
          { class: 'muted', 'data-testid': 'chart-samples' },
          `${plural(samples.length, 'sample')} · every 2 s`,
        ),
      ),
      h('div', { class: 'legend' }, ...legend),
      this.#chart,
      h('p', { class: 'monitor-error', hidden: this.#error === '' }, this.#error),
      h('div', { class: 'monitor-instances', 'data-testid': 'monitor-instances' }, ...roles),
    );
  }
}

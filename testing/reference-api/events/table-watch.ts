import type { PublishedEvent } from './event-journal';

/** Publishes an event to the users of `audience` (nothing for none). */
export type Publish = (event: PublishedEvent, audience: Iterable<string>) => void;

/** Who may see what is in a tenant: its current members, by tenant id. */
export type TenantAudience = (tenantId: string) => Iterable<string>;

/**
 * The `updatedAt` of the last scan: records stamped later changed since. It moves to the latest stamp a scan
 * sees, which costs nothing more than the comparison each record needs anyway.
 */
export class Watermark {
  private seen: string;

  constructor(readonly previous: string) {
    this.seen = previous;
  }

  /** The latest stamp seen: the watermark of the next scan. */
  get latest(): string {
    return this.seen;
  }

  /** Whether a record stamped `updatedAt` changed since the last scan. */
  changed(updatedAt: string): boolean {
    if (updatedAt <= this.previous) return false;
    if (updatedAt > this.seen) this.seen = updatedAt;
    return true;
  }
}

/** A record of a table the feed watches: its id, tenant and version. */
export interface WatchedRecord {
  id: string;
  tenant: string;
  updatedAt: string;
}

/** How the feed turns the records of one table into events. */
export interface TableSpec<R extends WatchedRecord> {
  records: () => ReadonlyMap<string, R>;
  /** The event types of a record that appeared, changed and went away (its `{ id, tenant }`). */
  types: { created: PublishedEvent['type']; updated: PublishedEvent['type']; deleted: PublishedEvent['type'] };
  /** What the events carry: the record as `GET` answers it. */
  view: (record: R) => unknown;
  /** Who hears of the record; the tenant's members unless told (tokens: their user). */
  audience?: (record: R) => string[];
}

interface Known {
  tenant: string;
  /** The record's own audience, when it has one (it is gone when the record is deleted). */
  audience: string[] | undefined;
}

/** What one scan of a table found. */
export interface TableChanges<R> {
  created: R[];
  updated: R[];
  deleted: Array<{ id: string; tenant: string }>;
}

/**
 * The ids of one table the feed saw at its last scan, to tell created from updated records and to find the
 * deleted ones: a scan is one pass over the table, one string comparison per unchanged record.
 */
export class TableWatch<R extends WatchedRecord> {
  private known = new Map<string, Known>();

  constructor(private readonly spec: TableSpec<R>) {}

  /** Takes the table as it is as seen, publishing nothing. */
  baseline(): void {
    this.known = new Map();
    for (const record of this.spec.records().values()) this.known.set(record.id, this.entryOf(record));
  }

  /** Publishes what changed since the last scan: records stamped after `watermark`, new ones and gone ones. */
  scan(watermark: Watermark, members: TenantAudience, publish: Publish): TableChanges<R> {
    const { types, view } = this.spec;
    const changes: TableChanges<R> = { created: [], updated: [], deleted: [] };
    const records = this.spec.records();
    for (const record of records.values()) {
      // A new record is stamped when it is made, so only records stamped since the last scan are looked up.
      if (!watermark.changed(record.updatedAt)) continue;
      const known = this.known.get(record.id);
      this.known.set(record.id, this.entryOf(record));
      (known === undefined ? changes.created : changes.updated).push(record);
      // Records that were checked for the view's types by the schema tests; the feed cannot name each type here.
      const event = { type: known === undefined ? types.created : types.updated, data: view(record) };
      publish(event as PublishedEvent, this.spec.audience?.(record) ?? members(record.tenant));
    }
    // Every record is known now: more known ids than records means some were deleted.
    if (this.known.size === records.size) return changes;
    for (const [id, known] of this.known) {
      if (records.has(id)) continue;
      this.known.delete(id);
      changes.deleted.push({ id, tenant: known.tenant });
      const event = { type: types.deleted, data: { id, tenant: known.tenant } };
      publish(event as PublishedEvent, known.audience ?? members(known.tenant));
    }
    return changes;
  }

  private entryOf(record: R): Known {
    return { tenant: record.tenant, audience: this.spec.audience?.(record) };
  }
}

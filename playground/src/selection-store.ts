import type { User } from 'aurora-backend-handler';

/** What a node of the tree stands for. */
export const NODE_KINDS = [
  'organization',
  'token',
  'tenant',
  'account',
  'environment',
  'resource',
  'marketplaceItem',
  'service',
  'role',
  'instance',
  'container',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The selected node of the tree, with the ids of the tenant and service it sits in. */
export interface Selection {
  kind: NodeKind;
  id: string;
  tenantId?: string | undefined;
  serviceId?: string | undefined;
  instanceId?: string | undefined;
}

/**
 * Who made the selection: `user` (a click in the tree, the default) or `follow` (the page following what
 * the user just created or deleted). Destructive forms take their target only from a `user` selection.
 */
export type SelectionOrigin = 'user' | 'follow';

export interface StoreChange {
  user: boolean;
  selection: boolean;
}

/** The playground's own state: the handler's user tree (as last emitted) and what is selected. */
export class SelectionStore {
  #user: User | null = null;
  #selection: Selection | null = null;
  #origin: SelectionOrigin = 'user';
  readonly #listeners = new Set<(change: StoreChange) => void>();

  get user(): User | null {
    return this.#user;
  }

  get selection(): Selection | null {
    return this.#selection;
  }

  /** Who made the current selection. */
  get origin(): SelectionOrigin {
    return this.#origin;
  }

  setUser(user: User | null): void {
    if (user === this.#user) return;
    this.#user = user;
    const selectionGone = user === null && this.#selection !== null;
    if (selectionGone) this.#selection = null;
    this.#notify({ user: true, selection: selectionGone });
  }

  /** Selects a node (`null`: nothing); `origin` says who chose it. */
  select(selection: Selection | null, origin: SelectionOrigin = 'user'): void {
    const same = selection === this.#selection || (selection !== null && sameNode(this.#selection, selection));
    if (same && origin === this.#origin) return;
    this.#selection = selection;
    this.#origin = origin;
    this.#notify({ user: false, selection: true });
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(change: StoreChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}

/** Whether `a` and `b` select the same node (a role or container name is only unique within its parent). */
export function sameNode(a: Selection | null, b: Selection): boolean {
  return (
    a !== null &&
    a.kind === b.kind &&
    a.id === b.id &&
    a.tenantId === b.tenantId &&
    a.serviceId === b.serviceId &&
    a.instanceId === b.instanceId
  );
}

// Who is subscribed to what, and the fan-out of a published payload to them.
// Subscribers with the same field, document, variables and filter form a group:
// the payload is matched, projected and serialised once per group, then only the
// subscription id differs from one subscriber's frame to the next. Subscribers whose
// socket a worker process owns (workers.ts) are also joined to the group there, so a
// publish sends that worker the group's body once and the worker writes their frames.
import { equal, matchesFilter, type SubscriptionFilter } from './filters.ts';
import type { SelectionProjector } from './payload.ts';
import { DataPayload, MAX_PAYLOAD_BYTES } from './protocol.ts';

/**
 * Where a subscriber's frames go: its connection, and the process owning its socket when that is not this one.
 * `sendData`, when the connection has it, takes a data message as its id and the group's payload (encoded once).
 */
export type Sink = { send(text: string): void; sendData?(idJson: string, payload: DataPayload): void; remote?: RemoteSink };

/** A connection whose socket another process owns, which builds its data frames itself. */
export type RemoteSink = { channel: FanoutChannel; connection: number };

/**
 * The way to a process owning sockets: it keeps which of its connections' subscriptions
 * belong to which group, and writes one data frame to each of them for a group's body.
 * Everything sent through one channel, frames included, arrives in the order sent.
 */
export interface FanoutChannel {
  join(group: number, connection: number, idJson: string): void;
  leave(group: number, connection: number, idJson: string): void;
  publish(group: number, body: string): void;
}

export type SubscriptionSpec = {
  /** The subscription field, e.g. onResults. */
  field: string;
  /** Same key, same group: field, document, variables and filter. */
  key: string;
  /** Made only for the first subscriber of a group: the others share it. */
  projector: () => SelectionProjector;
  /** The arguments the subscriber gave (basic filtering); ignored when `filter` is set. */
  args: Record<string, unknown>;
  /** Set by the subscription resolver with extensions.setSubscriptionFilter. */
  filter: SubscriptionFilter | null;
  /** Set with extensions.setSubscriptionInvalidationFilter. */
  invalidationFilter: SubscriptionFilter | null;
};

type Subscriber = {
  id: string;
  idJson: string;
  sink: Sink;
  invalidationFilter: SubscriptionFilter | null;
  /** Called when extensions.invalidateSubscriptions closes this subscription. */
  onInvalidated: () => void;
};

type Group = {
  /** Names the group to the worker processes. */
  id: number;
  field: string;
  projector: SelectionProjector;
  matches: (payload: Record<string, unknown>) => boolean;
  subscribers: Set<Subscriber>;
  /** The subscribers whose socket this process owns: their frames are written here. */
  local: Set<Subscriber>;
  /** The worker processes owning the others' sockets, with how many each owns. */
  remote: Map<FanoutChannel, number>;
};

export type PublishReport = { delivered: number; oversized: { field: string; bytes: number }[] };

export class SubscriptionRegistry {
  private readonly groups = new Map<string, Group>();
  private readonly byField = new Map<string, Set<Group>>();
  private count = 0;
  private nextGroup = 1;

  /** Adds a subscriber; returns what removes it. */
  add(sink: Sink, id: string, spec: SubscriptionSpec, onInvalidated: () => void): () => void {
    let group = this.groups.get(spec.key);
    if (!group) {
      const { filter, args } = spec;
      group = {
        id: this.nextGroup++,
        field: spec.field,
        projector: spec.projector(),
        matches: filter ? (payload) => matchesFilter(filter, payload) : (payload) => matchesArguments(args, payload),
        subscribers: new Set(),
        local: new Set(),
        remote: new Map(),
      };
      this.groups.set(spec.key, group);
      let groups = this.byField.get(spec.field);
      if (!groups) this.byField.set(spec.field, (groups = new Set()));
      groups.add(group);
    }
    const subscriber: Subscriber = { id, idJson: JSON.stringify(id), sink, invalidationFilter: spec.invalidationFilter, onInvalidated };
    group.subscribers.add(subscriber);
    const remote = sink.remote;
    if (remote) {
      group.remote.set(remote.channel, (group.remote.get(remote.channel) ?? 0) + 1);
      remote.channel.join(group.id, remote.connection, subscriber.idJson);
    } else group.local.add(subscriber);
    this.count++;
    // What removing needs, and nothing more: the spec (its projector, arguments, filters) is the group's, not each subscriber's to keep.
    const owner = group;
    const { key, field } = spec;
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.count--;
      owner.subscribers.delete(subscriber);
      if (remote) {
        remote.channel.leave(owner.id, remote.connection, subscriber.idJson);
        const left = owner.remote.get(remote.channel)! - 1;
        if (left) owner.remote.set(remote.channel, left);
        else owner.remote.delete(remote.channel);
      } else owner.local.delete(subscriber);
      if (owner.subscribers.size === 0) {
        this.groups.delete(key);
        this.byField.get(field)?.delete(owner);
      }
    };
  }

  /** Sends a mutation's published result to every subscriber of `field` it matches. */
  publish(field: string, payload: Record<string, unknown>): PublishReport {
    const report: PublishReport = { delivered: 0, oversized: [] };
    for (const group of this.byField.get(field) ?? []) {
      if (!group.matches(payload)) continue;
      const body = JSON.stringify(group.projector.project(payload));
      // AppSync drops a payload over its limit without telling anyone.
      if (body.length > MAX_PAYLOAD_BYTES / 3 && Buffer.byteLength(body) > MAX_PAYLOAD_BYTES) {
        report.oversized.push({ field, bytes: Buffer.byteLength(body) });
        continue;
      }
      if (group.local.size) {
        const payload = new DataPayload(body);
        for (const { sink, idJson } of group.local) {
          if (sink.sendData) sink.sendData(idJson, payload);
          else sink.send(payload.message(idJson));
        }
      }
      for (const channel of group.remote.keys()) channel.publish(group.id, body);
      report.delivered += group.subscribers.size;
    }
    return report;
  }

  /** extensions.invalidateSubscriptions: closes the subscriptions of `field` whose invalidation filter matches. */
  invalidate(field: string, payload: Record<string, unknown>): number {
    const closing: Subscriber[] = [];
    for (const group of this.byField.get(field) ?? []) {
      for (const subscriber of group.subscribers) {
        if (subscriber.invalidationFilter && matchesFilter(subscriber.invalidationFilter, payload)) closing.push(subscriber);
      }
    }
    for (const subscriber of closing) subscriber.onInvalidated();
    return closing.length;
  }

  get size() {
    return this.count;
  }
}

/**
 * Basic filtering: every argument the subscriber gave must equal the published
 * field of the same name. An explicit null asks for a null (or unselected) field.
 */
export function matchesArguments(args: Record<string, unknown>, payload: Record<string, unknown>): boolean {
  for (const name in args) {
    if (!equal(payload[name], args[name])) return false;
  }
  return true;
}

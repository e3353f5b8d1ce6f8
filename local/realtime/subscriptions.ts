// Who is subscribed to what, and the fan-out of a mutation's result to them.
// Subscribers with the same document and variables form a group: the payload
// is executed and serialised once per group, then sent to each socket.
import { execute, type DocumentNode, type GraphQLSchema } from 'graphql';
import { formatError } from '../graphql/errors.ts';
import { data as dataMessage } from './protocol.ts';

export type Subscriber = { id: string; send: (message: string) => void };

type Group = {
  field: string;
  document: DocumentNode;
  variables: Record<string, unknown>;
  /** The arguments the subscriber gave: AppSync's basic filter. */
  args: Record<string, unknown>;
  subscribers: Set<Subscriber>;
};

export class SubscriptionRegistry {
  private readonly groups = new Map<string, Group>();
  private readonly byField = new Map<string, Set<Group>>();

  constructor(private readonly schema: GraphQLSchema) {}

  add(subscriber: Subscriber, entry: { key: string; field: string; document: DocumentNode; variables: Record<string, unknown>; args: Record<string, unknown> }) {
    let group = this.groups.get(entry.key);
    if (!group) {
      group = { field: entry.field, document: entry.document, variables: entry.variables, args: entry.args, subscribers: new Set() };
      this.groups.set(entry.key, group);
      let groups = this.byField.get(entry.field);
      if (!groups) this.byField.set(entry.field, (groups = new Set()));
      groups.add(group);
    }
    group.subscribers.add(subscriber);
    return () => {
      group.subscribers.delete(subscriber);
      if (group.subscribers.size === 0) {
        this.groups.delete(entry.key);
        this.byField.get(entry.field)?.delete(group);
      }
    };
  }

  /** Sends a mutation's result to every subscriber of `field` whose arguments match it. */
  publish(field: string, payload: Record<string, unknown>) {
    for (const group of this.byField.get(field) ?? []) {
      if (!matchesArguments(group.args, payload)) continue;
      const result = execute({ schema: this.schema, document: group.document, rootValue: { [field]: payload }, variableValues: group.variables });
      if (result instanceof Promise) throw new Error('subscription payloads resolve synchronously');
      const body = result.errors?.length ? { data: result.data ?? null, errors: result.errors.map(formatError) } : { data: result.data };
      const payloadJson = JSON.stringify(body);
      for (const subscriber of group.subscribers) subscriber.send(dataMessage(subscriber.id, payloadJson));
    }
  }

  get size() {
    let n = 0;
    for (const group of this.groups.values()) n += group.subscribers.size;
    return n;
  }
}

/** Every argument the subscriber gave must equal the payload's field of that name. */
function matchesArguments(args: Record<string, unknown>, payload: Record<string, unknown>) {
  for (const [name, value] of Object.entries(args)) {
    if (payload[name] !== value) return false;
  }
  return true;
}

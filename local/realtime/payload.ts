// What a subscriber receives: the mutation's result as the mutation selected it
// (a field it did not select is simply absent), seen through the subscriber's own
// selection set. Absent or null fields come out null; a non-null one makes its
// parent null and adds an error worded as AppSync (graphql-java) words it:
//   {"data":{"onX":null},"errors":[{"message":"Cannot return null for non-nullable type: 'String' within parent 'T' (/onX/f)","path":["onX","f"]}]}
// Every such field is reported, not only the first (amplify-category-api#1338).
// A field a Lambda authorizer denied the subscriber (deniedFields) is null with an
// Unauthorized error, as in a query: AppSync makes denied fields null "even if a value
// was returned from a resolver", and a published payload is such a value.
import {
  GraphQLList,
  GraphQLNonNull,
  isAbstractType,
  isLeafType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type SelectionNode,
} from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;
type Variables = Record<string, unknown>;
export type PayloadError = { message: string; path: (string | number)[]; errorType?: string };

/** Marks a value nulled by a non-null child: its nearest nullable ancestor becomes null. */
const BUBBLE = Symbol('null bubbles up');

/** One subscriber selection, compiled once per group and applied to every published payload. */
export class SelectionProjector {
  private readonly fieldCache = new Map<string, [string, FieldNode[]][]>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rootField: FieldNode,
    private readonly rootType: GraphQLOutputType,
    private readonly fragments: Fragments,
    private readonly variables: Variables,
    /** "Type.field" the subscriber's Lambda authorizer denied. */
    private readonly deniedFields?: ReadonlySet<string>,
  ) {}

  /** The `{data, errors?}` body for one published payload. */
  project(payload: unknown): { data: Record<string, unknown> | null; errors?: PayloadError[] } {
    const errors: PayloadError[] = [];
    const key = this.rootField.alias?.value ?? this.rootField.name.value;
    const parent = this.schema.getSubscriptionType()!;
    const value = this.complete(payload, this.rootType, [this.rootField], [key], parent, errors);
    const data = value === BUBBLE ? null : { [key]: value };
    return errors.length ? { data, errors } : { data };
  }

  private complete(value: unknown, type: GraphQLOutputType, nodes: FieldNode[], path: (string | number)[], parent: GraphQLObjectType, errors: PayloadError[]): unknown {
    if (type instanceof GraphQLNonNull) {
      const inner = this.completeNullable(value, type.ofType, nodes, path, parent, errors);
      if (inner === BUBBLE) return BUBBLE;
      if (inner === null) {
        errors.push({ message: `Cannot return null for non-nullable type: '${String(type.ofType)}' within parent '${parent.name}' (${printPath(path)})`, path });
        return BUBBLE;
      }
      return inner;
    }
    const result = this.completeNullable(value, type, nodes, path, parent, errors);
    return result === BUBBLE ? null : result;
  }

  /** The value of a type that is not itself non-null; BUBBLE when a non-null child was null. */
  private completeNullable(value: unknown, type: GraphQLOutputType, nodes: FieldNode[], path: (string | number)[], parent: GraphQLObjectType, errors: PayloadError[]): unknown {
    if (value === null || value === undefined) return null;
    if (type instanceof GraphQLList) {
      if (!Array.isArray(value)) return null;
      let bubbled = false;
      const items = value.map((item, index) => {
        const completed = this.complete(item, type.ofType, nodes, [...path, index], parent, errors);
        if (completed === BUBBLE) bubbled = true;
        return completed;
      });
      return bubbled ? BUBBLE : items;
    }
    if (isLeafType(type)) {
      try {
        return type.serialize(value);
      } catch {
        return null;
      }
    }
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const object = this.runtimeType(type, value as Record<string, unknown>);
    if (!object) return null;
    const out: Record<string, unknown> = {};
    let bubbled = false;
    for (const [key, fieldNodes] of this.fieldsOf(object, nodes)) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') {
        out[key] = object.name;
        continue;
      }
      const field = object.getFields()[name];
      if (!field) continue;
      let fieldValue = (value as Record<string, unknown>)[name];
      if (this.deniedFields?.has(`${object.name}.${name}`)) {
        errors.push({ message: `Not Authorized to access ${name} on type ${object.name}`, path: [...path, key], errorType: 'Unauthorized' });
        fieldValue = null;
      }
      const completed = this.complete(fieldValue, field.type, fieldNodes, [...path, key], object, errors);
      if (completed === BUBBLE) bubbled = true;
      else out[key] = completed;
    }
    return bubbled ? BUBBLE : out;
  }

  /** The concrete type of an object value: abstract types need the `__typename` the mutation selected. */
  private runtimeType(type: GraphQLOutputType, value: Record<string, unknown>): GraphQLObjectType | undefined {
    if (isObjectType(type)) return type;
    if (isAbstractType(type) && typeof value.__typename === 'string') {
      const named = this.schema.getType(value.__typename);
      return isObjectType(named) && this.schema.isSubType(type, named) ? named : undefined;
    }
    return undefined;
  }

  /** Sub-selections of these field nodes on `object`, merged by response key, in order. */
  private fieldsOf(object: GraphQLObjectType, nodes: FieldNode[]): [string, FieldNode[]][] {
    const cacheKey = nodes.length === 1 ? nodes[0]!.loc?.start ?? -1 : -1;
    const cached = cacheKey >= 0 ? this.fieldCache.get(`${object.name}:${cacheKey}`) : undefined;
    if (cached) return cached;
    const fields = new Map<string, FieldNode[]>();
    for (const node of nodes) if (node.selectionSet) this.collect(object, node.selectionSet, fields, new Set());
    const entries = [...fields];
    if (cacheKey >= 0) this.fieldCache.set(`${object.name}:${cacheKey}`, entries);
    return entries;
  }

  private collect(object: GraphQLObjectType, set: SelectionSetNode, fields: Map<string, FieldNode[]>, visited: Set<string>) {
    for (const selection of set.selections) {
      if (!included(selection, this.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (this.applies(object, selection.typeCondition?.name.value)) this.collect(object, selection.selectionSet, fields, visited);
      } else {
        const name = selection.name.value;
        const fragment = this.fragments[name];
        if (!fragment || visited.has(name) || !this.applies(object, fragment.typeCondition.name.value)) continue;
        visited.add(name);
        this.collect(object, fragment.selectionSet, fields, visited);
      }
    }
  }

  private applies(object: GraphQLObjectType, condition: string | undefined): boolean {
    if (!condition || condition === object.name) return true;
    const type = this.schema.getType(condition);
    return !!type && isAbstractType(type) && this.schema.isSubType(type, object);
  }
}

function included(selection: SelectionNode, variables: Variables): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, selection, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, selection, variables);
  return include?.if !== false;
}

/** graphql-java's result path: /onX/options[0]/label */
function printPath(path: (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `/${part}`)).join('');
}

/**
 * A mutation's result as AppSync publishes it: what the mutation selected, keyed by
 * field name rather than alias (a subscriber's selection knows nothing of the
 * mutation's aliases), fields selected twice merged.
 */
export function publishedValue(set: SelectionSetNode | undefined, value: unknown, fragments: Fragments): unknown {
  if (!set || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => publishedValue(set, item, fragments));
  const out: Record<string, unknown> = {};
  collectPublished(set, value as Record<string, unknown>, fragments, out, new Set());
  return out;
}

// A key in the result means its selection applied (directives, type conditions): no need to re-evaluate them.
function collectPublished(set: SelectionSetNode, value: Record<string, unknown>, fragments: Fragments, out: Record<string, unknown>, visited: Set<string>) {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (!(key in value)) continue;
      const name = selection.name.value;
      out[name] = merge(out[name], publishedValue(selection.selectionSet, value[key], fragments));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectPublished(selection.selectionSet, value, fragments, out, visited);
    } else if (!visited.has(selection.name.value) && fragments[selection.name.value]) {
      visited.add(selection.name.value);
      collectPublished(fragments[selection.name.value]!.selectionSet, value, fragments, out, visited);
    }
  }
}

function merge(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (Array.isArray(a) && Array.isArray(b)) return b.map((item, i) => merge(a[i], item));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [key, item] of Object.entries(b)) out[key] = merge(out[key], item);
    return out;
  }
  return b;
}

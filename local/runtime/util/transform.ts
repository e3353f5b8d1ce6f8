// util.transform (transformation-helpers-in-utils-transform-js.html). The DynamoDB
// helpers return JSON strings, as the service's do (recorded EvaluateCode output),
// so resolver code passes them through JSON.parse.
import { toExpression } from '../expressions.ts';

type Obj = Record<string, unknown>;

export const toDynamoDBFilterExpression = (filter: Obj): string => JSON.stringify(toExpression(filter));
export const toDynamoDBConditionExpression = (condition: Obj): string => JSON.stringify(toExpression(condition));

export type SubscriptionFilterCondition = { fieldName: string; operator: string; value: unknown };
export type SubscriptionFilter = { filterGroup: { filters: SubscriptionFilterCondition[] }[] };

type Groups = SubscriptionFilterCondition[][];

/**
 * toSubscriptionFilter(filter, ignoredFields?, rules?): the filter object in
 * disjunctive normal form — each group ANDs its conditions, groups are ORed.
 * Fields of one object are ANDed, operators on one field ORed, `and`/`or` arrays
 * nest. `ignoredFields` are left out; `rules` (strict conditions) are ANDed into
 * every group [inferred: the docs give no output for them].
 */
export function toSubscriptionFilter(filter: Obj, ignoredFields: string[] = [], rules?: Obj): SubscriptionFilter {
  const ignored = new Set(ignoredFields ?? []);
  let groups = normal(filter, ignored);
  if (rules) groups = and(groups, normal(rules, new Set()));
  return { filterGroup: groups.map((filters) => ({ filters })) };
}

function normal(filter: Obj, ignored: Set<string>): Groups {
  let groups: Groups = [[]];
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || ignored.has(key)) continue;
    if (key === 'or') groups = and(groups, (value as Obj[]).flatMap((member) => normal(member, ignored)));
    else if (key === 'and') for (const member of value as Obj[]) groups = and(groups, normal(member, ignored));
    else {
      const alternatives: Groups = Object.entries(value as Obj)
        .filter(([, operand]) => operand !== undefined)
        .map(([operator, operand]) => [{ fieldName: key, operator, value: operand }]);
      if (alternatives.length) groups = and(groups, alternatives);
    }
  }
  return groups.filter((group) => group.length > 0);
}

/** (a1 ∨ a2) ∧ (b1 ∨ b2) = a1b1 ∨ a1b2 ∨ a2b1 ∨ a2b2. */
function and(left: Groups, right: Groups): Groups {
  if (right.length === 0) return left;
  return left.flatMap((l) => right.map((r) => [...l, ...r]));
}

/**
 * toElasticsearchQueryDSL: the documented example's operators (eq, ne, range,
 * wildcard, …) mapped to OpenSearch clauses; fields and operators are ANDed.
 */
export function toElasticsearchQueryDSL(filter: Obj): string {
  return JSON.stringify(queryOf(filter));
}

function queryOf(filter: Obj): Obj {
  const must: Obj[] = [];
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (key === 'and') must.push({ bool: { must: (value as Obj[]).map(queryOf) } });
    else if (key === 'or') must.push({ bool: { should: (value as Obj[]).map(queryOf) } });
    else if (key === 'not') must.push({ bool: { must_not: queryOf(value as Obj) } });
    else {
      const clauses = Object.entries(value as Obj).map(([op, operand]) => fieldClause(key, op, operand));
      must.push(clauses.length === 1 ? clauses[0]! : { bool: { must: clauses } });
    }
  }
  return must.length === 1 ? must[0]! : { bool: { must } };
}

function fieldClause(field: string, op: string, operand: unknown): Obj {
  switch (op) {
    case 'eq': return { term: { [field]: operand } };
    case 'ne': return { bool: { must_not: { term: { [field]: operand } } } };
    case 'match': return { match: { [field]: operand } };
    case 'matchPhrase': return { match_phrase: { [field]: operand } };
    case 'matchPhrasePrefix': return { match_phrase_prefix: { [field]: operand } };
    case 'multiMatch': return { multi_match: { query: operand, fields: [field] } };
    case 'exists': return operand ? { exists: { field } } : { bool: { must_not: { exists: { field } } } };
    case 'wildcard': return { wildcard: { [field]: operand } };
    case 'regexp': return { regexp: { [field]: operand } };
    case 'range': {
      const [gte, lte] = operand as unknown[];
      return { range: { [field]: { gte, lte } } };
    }
    case 'gt': case 'gte': case 'lt': case 'lte': return { range: { [field]: { [op]: operand } } };
    default: throw new TypeError(`toElasticsearchQueryDSL: unsupported operator ${op} on ${field}`);
  }
}

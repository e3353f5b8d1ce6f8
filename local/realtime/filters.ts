// Enhanced subscription filters, as a subscription resolver sets them with
// extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(...)):
//
//   { "filterGroup": [ { "filters": [ { "fieldName": "severity", "operator": "ge", "value": 7 }, … ] }, … ] }
//
// The conditions of one filter must all hold (AND); one matching filter is enough (OR).
// The same shape serves setSubscriptionInvalidationFilter, matched against the payload
// of extensions.invalidateSubscriptions. Field names are dotted paths into the payload.
// (docs: aws-appsync-real-time-enhanced-filtering, extensions, transformation-helpers-in-utils-transform-js)

export const Operators = ['eq', 'ne', 'le', 'lt', 'ge', 'gt', 'contains', 'notContains', 'beginsWith', 'in', 'notIn', 'between', 'containsAny'] as const;
export type Operator = (typeof Operators)[number];

export type Condition = { fieldName: string; operator: string; value: unknown };
export type SubscriptionFilter = { filterGroup: { filters: Condition[] }[] };

/** AppSync's limits on one filter, with the messages it answers a subscription with when they are broken. */
export const Limits = {
  filters: 10,
  conditionsPerFilter: 5,
  values: { in: 5, notIn: 5, containsAny: 20 } as Record<string, number>,
};

/** The reason AppSync refuses a filter, in its words, or null when the filter is acceptable. */
export function filterProblem(filter: unknown): string | null {
  const groups = (filter as SubscriptionFilter | null)?.filterGroup;
  if (!Array.isArray(groups)) return 'subscription filter must have a filterGroup list.';
  if (groups.length > Limits.filters) return `Filters combination exceed maximum limit ${Limits.filters} for subscription.`;
  for (const group of groups) {
    const conditions = group?.filters;
    if (!Array.isArray(conditions)) return 'subscription filter group must have a filters list.';
    const fields = new Set<string>();
    for (const condition of conditions) {
      if (!condition || typeof condition.fieldName !== 'string') return 'subscription filter needs a fieldName.';
      if (fields.has(condition.fieldName)) return `filter uses same fieldName multiple time: ${condition.fieldName}`;
      fields.add(condition.fieldName);
      const limit = Limits.values[condition.operator];
      if (limit !== undefined && Array.isArray(condition.value) && condition.value.length > limit) {
        return `subscription exceeds maximum value limit ${limit} for operator \`${condition.operator}\`.`;
      }
    }
    if (fields.size > Limits.conditionsPerFilter) return `Filters exceed maximum attributes limit ${Limits.conditionsPerFilter} for subscription.`;
  }
  return null;
}

/** Whether a payload passes the filter: any filter of the group whose every condition holds. */
export function matchesFilter(filter: SubscriptionFilter, payload: unknown): boolean {
  return filter.filterGroup.some((group) => group.filters.every((condition) => holds(condition, valueAt(payload, condition.fieldName))));
}

function valueAt(payload: unknown, path: string): unknown {
  let value = payload;
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function holds({ operator, value }: Condition, actual: unknown): boolean {
  switch (operator as Operator) {
    case 'eq':
      return equal(actual, value);
    case 'ne':
      return !equal(actual, value);
    case 'le':
      return compare(actual, value, (order) => order <= 0);
    case 'lt':
      return compare(actual, value, (order) => order < 0);
    case 'ge':
      return compare(actual, value, (order) => order >= 0);
    case 'gt':
      return compare(actual, value, (order) => order > 0);
    case 'contains':
      return contains(actual, value);
    case 'notContains':
      return !contains(actual, value);
    case 'beginsWith':
      return typeof actual === 'string' && typeof value === 'string' && actual.startsWith(value);
    case 'in':
      return Array.isArray(value) && value.some((candidate) => equal(actual, candidate));
    case 'notIn':
      return Array.isArray(value) && !value.some((candidate) => equal(actual, candidate));
    case 'between':
      return (
        Array.isArray(value) && value.length === 2 &&
        compare(actual, value[0], (order) => order >= 0) && compare(actual, value[1], (order) => order <= 0)
      );
    case 'containsAny':
      return Array.isArray(actual) && Array.isArray(value) && value.some((candidate) => actual.some((item) => equal(item, candidate)));
    default:
      // An operator AppSync does not know matches nothing (it reports no error either).
      return false;
  }
}

/** A missing field is null; scalars compare by value, lists and objects by content. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => equal(item, (b as unknown[])[i]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Numbers with numbers, strings with strings; anything else does not compare. */
function compare(actual: unknown, value: unknown, test: (order: number) => boolean): boolean {
  if (typeof actual === 'number' && typeof value === 'number') return test(actual - value);
  if (typeof actual === 'string' && typeof value === 'string') return test(actual < value ? -1 : actual > value ? 1 : 0);
  return false;
}

/** A substring of a string, or a member of a list. */
function contains(actual: unknown, value: unknown): boolean {
  if (typeof actual === 'string') return typeof value === 'string' && actual.includes(value);
  if (Array.isArray(actual)) return actual.some((item) => equal(item, value));
  return false;
}

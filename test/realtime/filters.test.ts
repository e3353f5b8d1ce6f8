// Enhanced subscription filters on their own: each operator, how filters and
// conditions combine, and AppSync's limits with the words it refuses them in.
import { describe, expect, it } from 'vitest';
import { filterProblem, matchesFilter, type Condition, type SubscriptionFilter } from '../../local/realtime/filters.ts';

const one = (fieldName: string, operator: string, value: unknown): SubscriptionFilter => ({ filterGroup: [{ filters: [{ fieldName, operator, value }] }] });
const ticket = { id: 't1', severity: 7, priority: 'high', title: 'Disk full', tags: ['ops', 'disk'], owner: null, group: { name: 'admins', level: 3 } };
const passes = (filter: SubscriptionFilter) => matchesFilter(filter, ticket);

describe('operators', () => {
  it('eq matches an equal value', () => {
    expect([passes(one('priority', 'eq', 'high')), passes(one('priority', 'eq', 'low'))]).toEqual([true, false]);
  });

  it('ne matches a different value', () => {
    expect([passes(one('priority', 'ne', 'low')), passes(one('priority', 'ne', 'high'))]).toEqual([true, false]);
  });

  it('le, lt, ge and gt compare numbers', () => {
    expect([passes(one('severity', 'le', 7)), passes(one('severity', 'lt', 7)), passes(one('severity', 'ge', 7)), passes(one('severity', 'gt', 7))]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('le, lt, ge and gt compare strings in order', () => {
    expect([passes(one('title', 'gt', 'Apple')), passes(one('title', 'lt', 'Apple'))]).toEqual([true, false]);
  });

  it('compares a number only with a number', () => {
    expect(passes(one('severity', 'ge', '1'))).toBe(false);
  });

  it('contains finds a substring of a string', () => {
    expect([passes(one('title', 'contains', 'full')), passes(one('title', 'contains', 'empty'))]).toEqual([true, false]);
  });

  it('contains finds a member of a list', () => {
    expect([passes(one('tags', 'contains', 'disk')), passes(one('tags', 'contains', 'net'))]).toEqual([true, false]);
  });

  it('notContains is the opposite of contains', () => {
    expect([passes(one('tags', 'notContains', 'net')), passes(one('title', 'notContains', 'Disk'))]).toEqual([true, false]);
  });

  it('beginsWith matches a prefix', () => {
    expect([passes(one('title', 'beginsWith', 'Disk')), passes(one('title', 'beginsWith', 'full'))]).toEqual([true, false]);
  });

  it('in matches one of the values', () => {
    expect([passes(one('priority', 'in', ['high', 'medium'])), passes(one('priority', 'in', ['low']))]).toEqual([true, false]);
  });

  it('notIn matches none of the values', () => {
    expect([passes(one('priority', 'notIn', ['low', 'none'])), passes(one('priority', 'notIn', ['high']))]).toEqual([true, false]);
  });

  it('between takes both bounds', () => {
    expect([passes(one('severity', 'between', [7, 9])), passes(one('severity', 'between', [1, 7])), passes(one('severity', 'between', [8, 9]))]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('containsAny matches a list sharing any value', () => {
    expect([passes(one('tags', 'containsAny', ['net', 'ops'])), passes(one('tags', 'containsAny', ['net']))]).toEqual([true, false]);
  });

  it('reaches into nested objects with a dotted field name', () => {
    expect([passes(one('group.name', 'eq', 'admins')), passes(one('group.level', 'gt', 5))]).toEqual([true, false]);
  });

  it('sees a missing or null field as null', () => {
    expect([passes(one('owner', 'eq', null)), passes(one('nothere', 'eq', null)), passes(one('nothere', 'ne', 'x'))]).toEqual([true, true, true]);
  });

  it('lets an operator it does not know match nothing, without an error', () => {
    expect(passes(one('severity', 'roughly', 7))).toBe(false);
  });
});

describe('combining', () => {
  const condition = (fieldName: string, operator: string, value: unknown): Condition => ({ fieldName, operator, value });

  it('requires every condition of a filter (AND)', () => {
    const filter = { filterGroup: [{ filters: [condition('severity', 'ge', 5), condition('priority', 'eq', 'low')] }] };
    expect(passes(filter)).toBe(false);
  });

  it('takes any one filter of the group (OR)', () => {
    const filter = { filterGroup: [{ filters: [condition('priority', 'eq', 'low')] }, { filters: [condition('severity', 'ge', 5)] }] };
    expect(passes(filter)).toBe(true);
  });

  it('matches nothing with an empty filter group', () => {
    expect(passes({ filterGroup: [] })).toBe(false);
  });
});

describe('AppSync’s limits', () => {
  const filters = (count: number) => ({ filterGroup: Array.from({ length: count }, (_, i) => ({ filters: [{ fieldName: 'id', operator: 'eq', value: `t${i}` }] })) });
  const fields = (count: number) => ({
    filterGroup: [{ filters: Array.from({ length: count }, (_, i) => ({ fieldName: `f${i}`, operator: 'eq', value: i })) }],
  });

  it('accepts 10 filters', () => {
    expect(filterProblem(filters(10))).toBeNull();
  });

  it('refuses an 11th filter, in AppSync’s words', () => {
    expect(filterProblem(filters(11))).toBe('Filters combination exceed maximum limit 10 for subscription.');
  });

  it('accepts 5 fields in one filter', () => {
    expect(filterProblem(fields(5))).toBeNull();
  });

  it('refuses a 6th field in one filter, in AppSync’s words', () => {
    expect(filterProblem(fields(6))).toBe('Filters exceed maximum attributes limit 5 for subscription.');
  });

  it('refuses the same field twice in one filter', () => {
    const filter = { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'gt', value: 1 }, { fieldName: 'a', operator: 'lt', value: 5 }] }] };
    expect(filterProblem(filter)).toMatch(/^filter uses same fieldName multiple time/);
  });

  it('refuses more than 5 values for in, in AppSync’s words', () => {
    expect(filterProblem(one('id', 'in', [1, 2, 3, 4, 5, 6]))).toBe('subscription exceeds maximum value limit 5 for operator `in`.');
  });

  it('refuses more than 5 values for notIn', () => {
    expect(filterProblem(one('id', 'notIn', [1, 2, 3, 4, 5, 6]))).toBe('subscription exceeds maximum value limit 5 for operator `notIn`.');
  });

  it('refuses more than 20 values for containsAny', () => {
    expect(filterProblem(one('tags', 'containsAny', Array.from({ length: 21 }, (_, i) => i)))).toBe(
      'subscription exceeds maximum value limit 20 for operator `containsAny`.',
    );
  });
});

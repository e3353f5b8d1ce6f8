// util.error's `data` is filtered by the field's selection set before it goes out
// with the error (built-in-util-js.html: "data … will be filtered based on the
// query selection set"); errorInfo is not.
import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';

export function filterBySelection(
  value: unknown,
  fieldNodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): unknown {
  const sets = fieldNodes.map((node) => node.selectionSet).filter((set): set is SelectionSetNode => Boolean(set));
  return sets.length ? pick(value, sets, fragments) : value;
}

function pick(value: unknown, sets: SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): unknown {
  if (Array.isArray(value)) return value.map((item) => pick(item, sets, fragments));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        const name = selection.name.value;
        if (!(name in source)) continue;
        const key = selection.alias?.value ?? name;
        out[key] = selection.selectionSet ? pick(source[name], [selection.selectionSet], fragments) : source[name];
      } else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return out;
}

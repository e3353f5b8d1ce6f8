// CloudFormation's intrinsic functions, evaluated the way CloudFormation would at
// deploy time, against what a stack knows (its parameters, conditions, mappings and
// the physical names of its resources). Resolution is lazy: only the properties the
// local AppSync reads are resolved, so an ARN of an IAM role nobody reads costs nothing.
// Hand-written: no maintained npm package evaluates intrinsics outside the cloud.
import { TemplateError } from './errors.ts';

/** AWS::NoValue: the property (or list member) is left out. */
export const NO_VALUE = Symbol('AWS::NoValue');

export type Scope = {
  /** Parameters, pseudo parameters and resources. */
  ref(name: string, where: string): unknown;
  getAtt(resource: string, attribute: string, where: string): unknown;
  condition(name: string, where: string): boolean;
  mapping(map: string, top: string, second: string, where: string): unknown;
  importValue(name: string, where: string): unknown;
  region: string;
};

/** Resolves every intrinsic in `value`; `where` names the file, resource and property for errors. */
export function resolveValue(value: unknown, scope: Scope, where: string): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => resolveValue(item, scope, `${where}[${i}]`)).filter((item) => item !== NO_VALUE);
  }
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, argument] = entries[0]!;
    if (key === 'Ref' && typeof argument === 'string') return argument === 'AWS::NoValue' ? NO_VALUE : scope.ref(argument, where);
    // { Condition: name } inside Conditions and Fn::If; an IAM policy's Condition is an object, left alone.
    if (key === 'Condition' && typeof argument === 'string') return scope.condition(argument, where);
    if (key.startsWith('Fn::')) return intrinsic(key, argument, scope, `${where}.${key}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const resolved = resolveValue(item, scope, `${where}.${key}`);
    if (resolved !== NO_VALUE) out[key] = resolved;
  }
  return out;
}

function intrinsic(fn: string, argument: unknown, scope: Scope, where: string): unknown {
  const resolve = (value: unknown, suffix = '') => resolveValue(value, scope, where + suffix);
  const list = (value: unknown, length?: number): unknown[] => {
    if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
      throw new TemplateError(`${where}: takes a list${length ? ` of ${length}` : ''}, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  switch (fn) {
    case 'Fn::GetAtt': {
      const [resource, attribute] = typeof argument === 'string' ? splitOnce(argument) : (list(argument, 2).map((a) => resolve(a)) as string[]);
      return scope.getAtt(String(resource), String(attribute), where);
    }
    case 'Fn::Sub': {
      const [text, variables] = typeof argument === 'string' ? [argument, {}] : list(argument, 2);
      const values = resolve(variables) as Record<string, unknown>;
      return String(text).replace(/\$\{([^}]*)\}/g, (_, name: string) => {
        if (name.startsWith('!')) return '${' + name.slice(1) + '}';
        const value = name in values ? values[name] : name.includes('.') ? scope.getAtt(...splitOnce(name), where) : scope.ref(name, where);
        return String(value);
      });
    }
    case 'Fn::Join': {
      const [delimiter, items] = list(argument, 2);
      const values = resolve(items);
      if (!Array.isArray(values)) throw new TemplateError(`${where}: the second argument is not a list`);
      return values.join(String(delimiter));
    }
    case 'Fn::Select': {
      const [index, items] = list(argument, 2);
      const values = resolve(items);
      const i = Number(resolve(index));
      if (!Array.isArray(values) || !(i >= 0 && i < values.length)) throw new TemplateError(`${where}: index ${i} is out of the list ${JSON.stringify(values)}`);
      return values[i];
    }
    case 'Fn::Split': {
      const [delimiter, text] = list(argument, 2);
      return String(resolve(text)).split(String(delimiter));
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = list(argument, 3);
      return scope.condition(String(condition), where) ? resolve(whenTrue, '[1]') : resolve(whenFalse, '[2]');
    }
    case 'Fn::Equals': {
      const [a, b] = list(argument, 2).map((v) => resolve(v));
      return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
    }
    case 'Fn::And':
      return list(argument).every((c) => resolve(c) === true);
    case 'Fn::Or':
      return list(argument).some((c) => resolve(c) === true);
    case 'Fn::Not':
      return resolve(list(argument, 1)[0]) !== true;
    case 'Fn::FindInMap': {
      const [map, top, second] = list(argument).map((a) => String(resolve(a)));
      return scope.mapping(map!, top!, second!, where);
    }
    case 'Fn::Base64':
      return Buffer.from(String(resolve(argument))).toString('base64');
    case 'Fn::GetAZs':
      return ['a', 'b', 'c'].map((zone) => `${scope.region}${zone}`);
    case 'Fn::ImportValue':
      return scope.importValue(String(resolve(argument)), where);
    case 'Fn::ToJsonString':
      return JSON.stringify(resolve(argument));
    case 'Fn::Length': {
      const values = resolve(argument);
      return Array.isArray(values) ? values.length : 0;
    }
    default:
      throw new TemplateError(`${where}: ${fn} is not evaluated by the local AppSync`);
  }
}

function splitOnce(name: string): [string, string] {
  const dot = name.indexOf('.');
  return dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot + 1)];
}

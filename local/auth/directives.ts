// Which callers may use a field, from AppSync's auth directives
// (devguide/security-authz.html, "Using additional authorization modes"):
// - a field's own directives if it has any, else its type's, else the API's
//   default mode alone — the default mode is never implied once directives are there;
// - several directives on one element are ORed;
// - @aws_cognito_user_pools(cognito_groups: [...]) admits only callers whose
//   cognito:groups meet the list; without the argument, any user of the pool;
// - @aws_auth(cognito_groups: [...]) is the legacy form, honoured only when user
//   pools are the API's sole mode (AppSync ignores it otherwise).
// A refused field is null with errorType Unauthorized, "Not Authorized to access
// <field> on type <Type>" (the same words as util.unauthorized()).
import { valueFromASTUntyped, type ConstDirectiveNode, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { AuthMode } from '../declaration/declaration.ts';
import type { Identity } from '../runtime/context.ts';
import { ResolverError } from '../runtime/signals.ts';
import { modeOfAuthType } from './authorize.ts';

type Authorization = { default: AuthMode; additional: readonly AuthMode[] };

/** One way into a field: a mode, and for user pools the groups of which the caller needs one (undefined: any user). */
export type Grant = { mode: AuthMode; groups?: readonly string[] };

/** The caller as the rules see it: its mode, and its identity for the groups. */
export type AuthorizedCaller = { mode: AuthMode; identity: Identity };

const MODE_OF_DIRECTIVE: Record<string, AuthMode> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
};

function grantsOf(directives: readonly ConstDirectiveNode[] | undefined, authorization: Authorization): Grant[] {
  const userPoolsOnly = authorization.default === 'AMAZON_COGNITO_USER_POOLS' && authorization.additional.length === 0;
  const grants: Grant[] = [];
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name === 'aws_auth' && !userPoolsOnly) continue;
    const mode = name === 'aws_auth' ? 'AMAZON_COGNITO_USER_POOLS' : MODE_OF_DIRECTIVE[name];
    if (!mode) continue;
    const groupsArgument = directive.arguments?.find((argument) => argument.name.value === 'cognito_groups');
    const groups = groupsArgument ? valueFromASTUntyped(groupsArgument.value) : undefined;
    grants.push(mode === 'AMAZON_COGNITO_USER_POOLS' && groups != null ? { mode, groups: [groups].flat().map(String) } : { mode });
  }
  return grants;
}

/** The grants that open a field: its own directives, else its type's (and the type's extensions'), else the default mode. */
export function grantsFor(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, authorization: Authorization): Grant[] {
  const own = grantsOf(field.astNode?.directives, authorization);
  if (own.length) return own;
  const ofType = [type.astNode, ...type.extensionASTNodes].flatMap((node) => grantsOf(node?.directives, authorization));
  return ofType.length ? ofType : [{ mode: authorization.default }];
}

export function isGranted(grants: readonly Grant[], caller: AuthorizedCaller): boolean {
  return grants.some((grant) => grant.mode === caller.mode && (!grant.groups || grant.groups.some((group) => groupsOf(caller.identity).includes(group))));
}

export function mayAccess(caller: AuthorizedCaller, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, authorization: Authorization): boolean {
  return isGranted(grantsFor(type, field, authorization), caller);
}

export const notAuthorized = (fieldName: string, typeName: string) => new ResolverError(`Not Authorized to access ${fieldName} on type ${typeName}`, 'Unauthorized');

/**
 * Every field's grants, worked out once per field and kept: execution asks for
 * each field of each result, so the answer must be a lookup.
 */
export function fieldAuthorization(schema: GraphQLSchema, authorization: Authorization) {
  const byType = new Map<string, Map<string, readonly Grant[]>>();
  const grants = (typeName: string, fieldName: string): readonly Grant[] => {
    let byField = byType.get(typeName);
    if (!byField) byType.set(typeName, (byField = new Map()));
    let found = byField.get(fieldName);
    if (!found) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      const field = type.getFields()[fieldName]!;
      byField.set(fieldName, (found = grantsFor(type, field, authorization)));
    }
    return found;
  };
  return {
    /** Throws the Unauthorized field error when the caller may not resolve Type.field. */
    check(typeName: string, fieldName: string, caller: AuthorizedCaller) {
      if (!isGranted(grants(typeName, fieldName), caller)) throw notAuthorized(fieldName, typeName);
    },
    allows: (typeName: string, fieldName: string, caller: AuthorizedCaller) => isGranted(grants(typeName, fieldName), caller),
    /** check() for a request in execution, whose caller is known by util.authType() and ctx.identity. */
    checkRequest(typeName: string, fieldName: string, state: RequestCaller) {
      if (!isGrantedToRequest(grants(typeName, fieldName), state)) throw notAuthorized(fieldName, typeName);
    },
    /** The grants of Type.field, to keep beside the field (isGrantedToRequest). */
    grants,
  };
}

/** A request in execution, as the rules see it: its caller known by util.authType() and ctx.identity. */
export type RequestCaller = { authType: string; scope: { identity: Identity } };

/** isGranted for a request in execution (asked for every field of every answer, so without allocations). */
export function isGrantedToRequest(grants: readonly Grant[], state: RequestCaller): boolean {
  const mode = modeOfAuthType(state.authType);
  if (!mode) return false;
  for (const grant of grants) {
    if (grant.mode !== mode) continue;
    if (!grant.groups || grant.groups.some((group) => groupsOf(state.scope.identity).includes(group))) return true;
  }
  return false;
}

function groupsOf(identity: Identity): readonly string[] {
  const groups = identity?.groups;
  return Array.isArray(groups) ? (groups as string[]) : [];
}

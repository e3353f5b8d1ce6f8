// What a Gen 2 backend (defineBackend with defineData, defineAuth) adds to its API
// once read from the cloud assembly: the pieces of amplify_outputs.json that
// `ampx sandbox` writes from the stacks' Amplify outputs, and what is not emulated.
import type { Stack } from '../templates/stack.ts';
import { modelIntrospectionOf } from './model-introspection.ts';
import { notEmulatedLines } from './not-emulated.ts';

export type Gen2Backend = {
  /** data.model_introspection: what `generateClient<Schema>()` builds client.models from. */
  modelIntrospection?: unknown;
  /** The auth block's settings besides the pool and client ids (which are the local pool's). */
  auth: Record<string, unknown>;
  /** One line per kind of resource deployed but not run locally, and what stands in for it. */
  notEmulated: string[];
};

/** Undefined for an assembly that is not a Gen 2 backend (no AWS::Amplify::Platform metadata). */
export function gen2BackendOf(stacks: Stack[]): Gen2Backend | undefined {
  const root = stacks.find((s) => s.template.Metadata?.['AWS::Amplify::Platform']);
  if (!root) return undefined;
  return { modelIntrospection: modelIntrospectionOf(stacks), auth: authSettings(root), notEmulated: notEmulatedLines(stacks) };
}

/**
 * The auth block as @aws-amplify/client-config writes it from the AWS::Amplify::Auth
 * stack outputs (its AuthClientConfigContributor): sign-in and sign-up attributes,
 * verification, password policy, MFA and groups. The identity pool is left out: it is
 * not emulated, and with its id aws-amplify would ask AWS for credentials.
 */
function authSettings(root: Stack): Record<string, unknown> {
  if (!root.template.Metadata?.['AWS::Amplify::Auth']) return {};
  const output = (name: string): string | undefined => {
    if (!root.template.Outputs?.[name]) return undefined;
    const value = root.output(name, root.file);
    return value === '' || value === undefined ? undefined : String(value);
  };
  const json = (name: string) => {
    const value = output(name);
    return value === undefined ? undefined : JSON.parse(value);
  };
  const auth: Record<string, unknown> = {
    mfa_methods: json('mfaTypes'),
    standard_required_attributes: json('signupAttributes'),
    username_attributes: json('usernameAttributes'),
    user_verification_types: json('verificationMechanisms'),
    groups: json('groups'),
    mfa_configuration: ({ OFF: 'NONE', OPTIONAL: 'OPTIONAL', ON: 'REQUIRED' } as Record<string, string>)[output('mfaConfiguration') ?? ''],
  };
  const minLength = output('passwordPolicyMinLength');
  const requirements: string[] | undefined = json('passwordPolicyRequirements');
  if (minLength || requirements) {
    auth.password_policy = {
      min_length: minLength ? Number.parseInt(minLength, 10) : 8,
      require_lowercase: requirements?.includes('REQUIRES_LOWERCASE') ?? false,
      require_numbers: requirements?.includes('REQUIRES_NUMBERS') ?? false,
      require_symbols: requirements?.includes('REQUIRES_SYMBOLS') ?? false,
      require_uppercase: requirements?.includes('REQUIRES_UPPERCASE') ?? false,
    };
  }
  return Object.fromEntries(Object.entries(auth).filter(([, value]) => value !== undefined));
}

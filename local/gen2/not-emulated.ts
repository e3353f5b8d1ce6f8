// What a Gen 2 backend deploys that the local AppSync does not run, said once at
// start: each group with how many resources it has and what stands in for it.
import type { Stack } from '../templates/stack.ts';

type Group = { what: string; note: string; matches(type: string, stack: Stack, id: string): boolean };

const inTableManager = (stack: Stack) => /AmplifyTableManager/.test(stack.file);

const GROUPS: Group[] = [
  {
    what: 'Cognito identity pool',
    note: 'no guest or IAM credentials from fetchAuthSession; AWS_IAM requests are checked against the IAM users given with --iam or --iam-file',
    matches: (type) => type === 'AWS::Cognito::IdentityPool' || type === 'AWS::Cognito::IdentityPoolRoleAttachment',
  },
  {
    what: "Amplify's table manager (Lambda functions and a Step Functions state machine)",
    note: 'each model table is created in the local store at start instead',
    matches: (type, stack) => inTableManager(stack) && (type === 'AWS::Lambda::Function' || type === 'AWS::StepFunctions::StateMachine'),
  },
  {
    what: 'IAM roles and policies',
    note: 'not enforced; resolvers reach their tables and functions without them',
    matches: (type) => type === 'AWS::IAM::Role' || type === 'AWS::IAM::Policy' || type === 'AWS::IAM::ManagedPolicy',
  },
  {
    what: 'S3 buckets and bucket deployments (codegen assets, the model introspection schema)',
    note: 'their files are read from the cloud assembly',
    matches: (type, _, id) =>
      ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'Custom::CDKBucketDeployment', 'Custom::S3AutoDeleteObjects', 'AWS::Lambda::LayerVersion'].includes(type) ||
      // The custom resources' own handlers, which CDK names after them.
      (type === 'AWS::Lambda::Function' && /^Custom(CDKBucketDeployment|S3AutoDeleteObjects)/.test(id)),
  },
  { what: 'SSM parameters (resource references for functions)', note: 'not written', matches: (type) => type === 'AWS::SSM::Parameter' },
];

/** One line per group the deployment has, e.g. "Cognito identity pool, 2 resources: …". */
export function notEmulatedLines(stacks: Stack[]): string[] {
  const counts = new Map<Group, number>();
  for (const stack of stacks) {
    for (const id of stack.resources()) {
      const type = stack.resource(id)!.Type;
      const group = GROUPS.find((g) => g.matches(type, stack, id));
      if (group) counts.set(group, (counts.get(group) ?? 0) + 1);
    }
  }
  return GROUPS.filter((g) => counts.has(g)).map((g) => `${g.what}, ${counts.get(g)} resource${counts.get(g) === 1 ? '' : 's'}: ${g.note}`);
}

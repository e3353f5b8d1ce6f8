// The client configuration aws-amplify v6 reads (amplify_outputs.json, Gen 2
// shape) for this endpoint. Without `version` Amplify drops the data block.

export function amplifyOutputs(origin: string, apiKey: string) {
  return {
    version: '1.4',
    data: {
      url: `${origin}/graphql`,
      aws_region: 'us-east-1',
      default_authorization_type: 'API_KEY',
      api_key: apiKey,
      authorization_types: [],
    },
  };
}

// Signs a user in to a user pool (local or Cognito) with USER_PASSWORD_AUTH over
// Cognito's JSON API, without the Amplify client: for scripts and tests.

export type SignInRequest = { endpoint: string; clientId: string; username: string; password: string };

export async function signInWithPassword({ endpoint, clientId, username, password }: SignInRequest): Promise<{ idToken: string; accessToken: string }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  const body = (await response.json()) as { AuthenticationResult?: { IdToken: string; AccessToken: string }; message?: string; __type?: string };
  if (!body.AuthenticationResult) throw new Error(`Sign-in of ${username} failed: ${body.__type ?? response.status} ${body.message ?? ''}`.trim());
  return { idToken: body.AuthenticationResult.IdToken, accessToken: body.AuthenticationResult.AccessToken };
}

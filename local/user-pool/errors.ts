// Cognito's errors as its JSON API answers them: HTTP 400 (500 for its own
// faults), the type in `x-amzn-ErrorType` and in the body's `__type`, which is
// where aws-amplify reads the error's name. Messages are Cognito's own words.

export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const Errors = {
  /** Wrong password, and (with PreventUserExistenceErrors, Amplify Gen 2's default) an unknown user too. */
  incorrectCredentials: () => new CognitoError('NotAuthorizedException', 'Incorrect username or password.'),
  userNotFound: () => new CognitoError('UserNotFoundException', 'User does not exist.'),
  invalidRefreshToken: () => new CognitoError('NotAuthorizedException', 'Invalid Refresh Token'),
  refreshTokenRevoked: () => new CognitoError('NotAuthorizedException', 'Refresh Token has been revoked'),
  refreshTokenExpired: () => new CognitoError('NotAuthorizedException', 'Refresh Token has expired'),
  invalidAccessToken: () => new CognitoError('NotAuthorizedException', 'Invalid Access Token'),
  accessTokenExpired: () => new CognitoError('NotAuthorizedException', 'Access Token has expired'),
  accessTokenRevoked: () => new CognitoError('NotAuthorizedException', 'Access Token has been revoked'),
  unknownClient: (clientId: string) => new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`),
  missingParameter: (name: string) => new CognitoError('InvalidParameterException', `Missing required parameter ${name}`),
  invalidParameter: (message: string) => new CognitoError('InvalidParameterException', message),
  /**
   * A flow Cognito has but the local pool does not (SRP, custom auth). Cognito's
   * word for a flow the app client does not allow; the message says what to use.
   */
  unsupportedFlow: (flow: string) =>
    new CognitoError('InvalidParameterException', `${flow} flow not enabled for this client. The local user pool supports USER_PASSWORD_AUTH (signIn with options.authFlowType 'USER_PASSWORD_AUTH') and REFRESH_TOKEN_AUTH.`),
  unknownOperation: () => new CognitoError('UnknownOperationException', ''),
  serialization: () => new CognitoError('SerializationException', 'Start of structure or map found where not expected.'),
};

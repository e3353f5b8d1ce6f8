// Turns what Amplify rejects with into one sentence a person understands, and
// tells a refusal (the API said no: do not repeat) from a failure to get an
// answer at all (network, overload, server trouble: worth trying again).
//
// Amplify rejects a GraphQL call with the whole `{ data, errors }` body. An
// AppSync refusal is errors[0] with an `errorType`; a network failure or an HTTP
// error arrives as errors[0] without one, the cause in `originalError` (its
// `name` is `NetworkError`, or the x-amzn-ErrorType of an HTTP error). A refused
// subscription arrives as errors[0] whose message starts with its errorType.

interface ErrorLike {
  message?: string;
  errorType?: string;
  name?: string;
  originalError?: { name?: string; message?: string } | null;
}

export interface ApiFailure {
  /** AppSync's errorType, or the name of what failed underneath (NetworkError, UnauthorizedException…). */
  type: string;
  /** The server's own words, when it sent any. */
  message: string;
  /** True when no answer was had and the same request may simply be sent again. */
  transient: boolean;
}

/** Answers that say "not now" rather than "no". */
const TRANSIENT_TYPES = /^(NetworkError|Throttl\w*|LimitExceeded\w*|TooManyRequests\w*|InternalFailure|ServiceUnavailable\w*|InternalServerError|Unknown|UnknownError|TimeoutError|RequestTimeout\w*|AbortError|ExecutionTimeout)$/;

function firstError(error: unknown): ErrorLike | undefined {
  if (error && typeof error === 'object') {
    const errors = (error as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) return errors[0] as ErrorLike;
    return error as ErrorLike;
  }
  return undefined;
}

export function apiFailure(error: unknown): ApiFailure {
  const first = firstError(error);
  let message = first?.message ?? (typeof error === 'string' ? error : '');
  let type = first?.errorType ?? first?.originalError?.name ?? first?.name ?? '';
  // JavaScript's own error names say nothing about the API (fetch fails with a TypeError).
  if (/^(Error|GraphQLError|TypeError)$/.test(type)) type = '';
  // A refused subscription: "Unauthorized: The results of this poll are shown when it closes".
  const prefixed = /^([A-Z][A-Za-z]+): (.*)$/s.exec(message);
  if (!type && prefixed) {
    type = prefixed[1] ?? '';
    message = prefixed[2] ?? '';
  }
  if (!type && /failed to fetch|network ?error|load failed|networkerror/i.test(message)) type = 'NetworkError';
  const transient = type === '' || TRANSIENT_TYPES.test(type);
  return { type: type || 'Unknown', message, transient };
}

/** What a person reads, for the place the error happened. */
export type ErrorContext = 'vote' | 'poll' | 'organizer' | 'results';

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** A plain-words explanation of a failed API call. */
export function describeApiError(error: unknown, context: ErrorContext = 'poll'): string {
  const { type, message } = apiFailure(error);
  switch (type) {
    case 'NotFound':
      return context === 'organizer'
        ? 'That poll no longer exists: someone deleted it.'
        : 'There is no poll with this code. Check the code on the screen and try again.';
    case 'PollNotOpen':
      return /closed/i.test(message) ? 'This poll is closed: votes are no longer taken.' : 'This poll is not open for voting yet.';
    case 'AlreadyVoted':
      return 'You have already voted in this poll: one vote per person.';
    case 'NotParticipant':
      return 'This device is not registered for this poll any more. Reload the page to join again.';
    case 'BadRequest':
      return context === 'vote' ? 'That choice is not part of this poll.' : sentence(message || 'The request was not valid');
    case 'ResultsHidden':
      return sentence(message || 'The results are not shown yet');
    case 'InvalidState':
      // "Poll <id> cannot be opened: it is closed" — the id means nothing to a person.
      return sentence(message.replace(/^Poll \S+ /, 'This poll ') || 'This poll cannot do that in its current state');
    case 'ConcurrentChange':
      return 'Someone changed this poll at the same moment. The list has been refreshed: check it and try again.';
    case 'CodeTaken':
      return sentence(message || 'That poll code was just taken: try again');
    case 'NoValidAuthTokens':
    case 'UserUnAuthenticatedException':
    case 'NotAuthorizedException':
      return 'Your organizer session has ended. Sign in again.';
    case 'Unauthorized':
    case 'UnauthorizedException':
      if (/Not Authorized to access/i.test(message) || context === 'organizer') {
        return 'Only organizers may do this. Sign in with an account in the organizers group.';
      }
      if (context === 'results') return sentence(message || 'The results are not shown yet');
      return 'The voting service did not accept this app. Ask the organisers to check its key.';
    case 'NetworkError':
      return 'The voting service cannot be reached. Check your connection.';
    default:
      if (/^Throttl|LimitExceeded|TooManyRequests/i.test(type)) return 'Too many requests at once right now. Trying again shortly.';
      if (TRANSIENT_TYPES.test(type)) return 'The voting service had a problem answering. Trying again shortly.';
      return message ? `Something went wrong: ${sentence(message)}` : 'Something went wrong. Try again.';
  }
}

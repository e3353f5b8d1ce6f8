// Turns what Amplify rejects with into one sentence a voter understands.
// Amplify rejects a GraphQL call with the whole `{ data, errors }` body; a
// network failure or an HTTP error arrives the same way, as errors[0] with the
// cause in `originalError`.

interface ErrorLike {
  message?: string;
  errorType?: string;
  name?: string;
  originalError?: { name?: string; message?: string } | null;
}

function firstError(error: unknown): ErrorLike | undefined {
  if (error && typeof error === 'object') {
    const errors = (error as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) return errors[0] as ErrorLike;
    return error as ErrorLike;
  }
  return undefined;
}

/** A plain-words explanation of a failed API call. */
export function describeApiError(error: unknown): string {
  const first = firstError(error);
  const type = first?.errorType ?? first?.originalError?.name ?? first?.name ?? '';
  const message = first?.message ?? (typeof error === 'string' ? error : '');

  if (type === 'NotFound') return 'This poll does not exist (any more). Check the link you were given.';
  if (type === 'BadRequest') return 'That choice is not part of this poll.';
  if (/Unauthori[sz]ed|NotAuthorized|Forbidden/i.test(type) || message === 'Unauthorized') {
    return 'The voting service did not accept this app. Ask the organisers to check its key.';
  }
  if (type === 'NetworkError' || /failed to fetch|network/i.test(message)) {
    return 'The voting service cannot be reached. Check your connection and try again.';
  }
  if (/Throttl|LimitExceeded|TooManyRequests/i.test(type)) {
    return 'Too many votes at once right now. Wait a moment and try again.';
  }
  return message ? `Something went wrong: ${message}` : 'Something went wrong. Try again.';
}

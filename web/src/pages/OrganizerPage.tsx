import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { currentSession, describeSignInError, setNewPassword, signInOrganizer, signOutOrganizer, type Session, type SignInOutcome } from '../api/auth.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';
import {
  closePoll,
  createPoll,
  deletePoll,
  exportResults,
  openPoll,
  polls as pollsQuery,
  resetPoll,
  type Poll,
  type ResultsVisibility,
} from '../api/operations.ts';
import { Logo } from '../components/Logo.tsx';
import { Notice } from '../components/Notice.tsx';
import { PollStateTag } from '../components/PollStateTag.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { optionColour } from '../palette.ts';
import { screenPath, votePath, voteUrl } from '../routes.ts';

/** Every organizer call goes with the user pool's token. */
const AS_ORGANIZER = { authMode: 'userPool' } as const;

/** Errors that mean "sign in again", not "this action failed". */
const SESSION_ENDED = new Set(['NoValidAuthTokens', 'UserUnAuthenticatedException', 'NotAuthorizedException', 'UnauthorizedException']);

/** `/organizer`: sign in, then create, run and export polls. */
export function OrganizerPage() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Organizer · HandsUp';
    void currentSession().then(setSession);
  }, []);

  const signedOut = useCallback((message: string | null) => {
    setNotice(message);
    setSession(null);
  }, []);

  if (session === undefined) return <Notice kind="loading" title="Opening the organizer console…" />;
  if (session === null) return <SignIn notice={notice} onSignedIn={(found) => (setNotice(null), setSession(found))} />;
  if (!session.organizer) {
    return (
      <Notice kind="error" title="This account is not an organizer" detail={`You are signed in as ${session.username}, who is not in the organizers group. Sign in with an organizer account.`}>
        <button type="button" className="button-link" onClick={() => void signOutOrganizer().finally(() => signedOut(null))}>
          Sign out
        </button>
      </Notice>
    );
  }
  return <Console session={session} onSignedOut={signedOut} />;
}

function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (session: Session) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'password' | 'new-password'>('password');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const finish = async (outcome: SignInOutcome) => {
    if (outcome.done) {
      const found = await currentSession();
      if (found) return onSignedIn(found);
      return setProblem('Signed in, but no session was kept. Allow this site to store data and try again.');
    }
    if (outcome.step === 'NEW_PASSWORD') {
      setPassword('');
      setStep('new-password');
      return setProblem(null);
    }
    setProblem(`This account needs a sign-in step this console does not offer (${outcome.name}).`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) return setProblem('Enter your username.');
    if (!password) return setProblem(step === 'password' ? 'Enter your password.' : 'Choose a new password.');
    setBusy(true);
    setProblem(null);
    try {
      await finish(step === 'password' ? await signInOrganizer(username.trim(), password) : await setNewPassword(password));
    } catch (error) {
      setProblem(describeSignInError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin-page">
      <p className="eyebrow">
        <a href="/" className="home-link">
          <Logo /> HandsUp
        </a>
      </p>
      <h1 className="signin-page__title">Organizer sign-in</h1>
      {notice ? (
        <p className="form-message form-message--error" role="alert">
          {notice}
        </p>
      ) : null}
      <form className="panel signin-form" onSubmit={submit} noValidate>
        <label className="field">
          <span>Username</span>
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" disabled={step !== 'password'} />
        </label>
        <label className="field">
          <span>{step === 'password' ? 'Password' : 'New password'}</span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete={step === 'password' ? 'current-password' : 'new-password'}
          />
        </label>
        {step === 'new-password' ? <p className="panel__hint">First sign-in: choose your own password.</p> : null}
        <button type="submit" className="button-link" disabled={busy}>
          {busy ? 'Signing in…' : step === 'password' ? 'Sign in' : 'Set password and sign in'}
        </button>
        {problem ? (
          <p className="form-message form-message--error" role="alert" data-testid="signin-problem">
            {problem}
          </p>
        ) : null}
      </form>
    </main>
  );
}

type PollsLoad = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; polls: Poll[] };

function Console({ session, onSignedOut }: { session: Session; onSignedOut: (message: string | null) => void }) {
  const [load, setLoad] = useState<PollsLoad>({ state: 'loading' });

  /** A failed call: a session that ended sends the organizer back to the sign-in step; anything else is the caller's to show. */
  const failed = useCallback(
    (error: unknown): string => {
      const failure = apiFailure(error);
      if (SESSION_ENDED.has(failure.type)) {
        void signOutOrganizer().catch(() => undefined);
        onSignedOut('Your organizer session has ended. Sign in again.');
      }
      return describeApiError(error, 'organizer');
    },
    [onSignedOut],
  );

  const refresh = useCallback(() => {
    api()
      .graphql({ query: pollsQuery, ...AS_ORGANIZER })
      .then(
        (result) => setLoad({ state: 'ready', polls: result.data.polls }),
        (error: unknown) => setLoad({ state: 'failed', message: failed(error) }),
      );
  }, [failed]);

  useEffect(refresh, [refresh]);

  const replace = (next: Poll) =>
    setLoad((current) => (current.state === 'ready' ? { state: 'ready', polls: current.polls.map((poll) => (poll.id === next.id ? next : poll)) } : current));
  const remove = (id: string) =>
    setLoad((current) => (current.state === 'ready' ? { state: 'ready', polls: current.polls.filter((poll) => poll.id !== id) } : current));
  const add = (poll: Poll) => setLoad((current) => ({ state: 'ready', polls: [poll, ...(current.state === 'ready' ? current.polls : [])] }));

  return (
    <main className="console">
      <header className="console__header">
        <p className="eyebrow">
          <a href="/" className="home-link">
            <Logo /> HandsUp
          </a>{' '}
          · organizer console
        </p>
        <p className="console__who">
          Signed in as <strong data-testid="signed-in-as">{session.username}</strong>
          <button type="button" className="button-link button-link--secondary button-link--small" onClick={() => void signOutOrganizer().finally(() => onSignedOut(null))}>
            Sign out
          </button>
        </p>
      </header>

      <NewPollForm onCreated={add} failed={failed} />

      <section aria-labelledby="polls-title">
        <div className="section-head">
          <h2 id="polls-title" className="section-title">
            Your polls
          </h2>
          <button type="button" className="button-link button-link--secondary button-link--small" onClick={refresh}>
            Refresh
          </button>
        </div>
        {load.state === 'loading' ? <p className="muted">Loading polls…</p> : null}
        {load.state === 'failed' ? (
          <p className="form-message form-message--error" role="alert">
            The polls could not be loaded. {load.message}
          </p>
        ) : null}
        {load.state === 'ready' && load.polls.length === 0 ? <p className="muted">No polls yet. Create the first one above.</p> : null}
        {load.state === 'ready' && load.polls.length > 0 ? (
          <ul className="poll-list" aria-label="Polls">
            {load.polls.map((poll) => (
              <PollCard key={poll.id} poll={poll} onChanged={replace} onDeleted={remove} onStale={refresh} failed={failed} />
            ))}
          </ul>
        ) : null}
      </section>
    </main>
  );
}

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 10;

const VISIBILITY: { value: ResultsVisibility; label: string; detail: string }[] = [
  { value: 'ALWAYS', label: 'Always', detail: 'Everyone sees the results live, also on the big screen.' },
  { value: 'AFTER_VOTE', label: 'After voting', detail: 'Each voter sees them once they have voted; the big screen at close.' },
  { value: 'AFTER_CLOSE', label: 'After close', detail: 'Nobody but organizers sees them before the poll closes.' },
];

export const visibilityLabel = (value: ResultsVisibility) => VISIBILITY.find((v) => v.value === value)?.label ?? value;

/** Creates a draft poll; the server checks the rules again. */
function NewPollForm({ onCreated, failed }: { onCreated: (poll: Poll) => void; failed: (error: unknown) => string }) {
  const [title, setTitle] = useState('');
  const [labels, setLabels] = useState<string[]>(['', '']);
  const [visibility, setVisibility] = useState<ResultsVisibility>('ALWAYS');
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const options = labels.map((label) => label.trim()).filter((label) => label.length > 0);
    if (title.trim().length === 0) return setMessage({ kind: 'error', text: 'Write the question first.' });
    if (options.length < MIN_OPTIONS) return setMessage({ kind: 'error', text: 'A poll needs at least two options.' });
    if (new Set(options).size !== options.length) return setMessage({ kind: 'error', text: 'Two options have the same text: make each one different.' });
    setSending(true);
    setMessage(null);
    try {
      const result = await api().graphql({ query: createPoll, variables: { input: { title: title.trim(), options, resultsVisibility: visibility } }, ...AS_ORGANIZER });
      const created = result.data.createPoll;
      if (!created) throw new Error('The server did not answer with the new poll.');
      setTitle('');
      setLabels(['', '']);
      setVisibility('ALWAYS');
      setMessage({ kind: 'done', text: `Created “${created.title}” with the code ${created.code}. Open it when you are ready.` });
      onCreated(created);
    } catch (error) {
      setMessage({ kind: 'error', text: `The poll was not created. ${failed(error)}` });
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="panel new-poll" onSubmit={submit} aria-labelledby="new-poll-title" noValidate>
      <h2 id="new-poll-title" className="section-title">
        New poll
      </h2>
      <label className="field">
        <span>Question</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Startup Architecture of the Year?" maxLength={200} />
      </label>
      <fieldset className="options-field">
        <legend>Options (2 to 10)</legend>
        {labels.map((label, index) => (
          <div className="option-input" key={index}>
            <span className="option-input__swatch" style={{ background: optionColour(index).background }} aria-hidden="true" />
            <input
              aria-label={`Option ${index + 1}`}
              value={label}
              onChange={(e) => setLabels(labels.map((old, i) => (i === index ? e.target.value : old)))}
              maxLength={80}
              placeholder={`Option ${index + 1}`}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove option ${index + 1}`}
              disabled={labels.length <= MIN_OPTIONS || sending}
              onClick={() => setLabels(labels.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="button-link button-link--secondary button-link--small" disabled={labels.length >= MAX_OPTIONS || sending} onClick={() => setLabels([...labels, ''])}>
          Add option
        </button>
      </fieldset>
      <fieldset className="visibility-field">
        <legend>Results visible</legend>
        {VISIBILITY.map((option) => (
          <label key={option.value} className={`radio${visibility === option.value ? ' radio--checked' : ''}`}>
            <input type="radio" name="visibility" value={option.value} checked={visibility === option.value} onChange={() => setVisibility(option.value)} />
            <span>
              <strong>{option.label}</strong>
              <span className="radio__detail">{option.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="new-poll__actions">
        <button type="submit" className="button-link" disabled={sending}>
          {sending ? 'Creating…' : 'Create poll'}
        </button>
      </p>
      {message ? (
        <p className={`form-message form-message--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}

type Action = 'open' | 'close' | 'reset' | 'delete' | 'export';

function PollCard(props: {
  poll: Poll;
  onChanged: (poll: Poll) => void;
  onDeleted: (id: string) => void;
  onStale: () => void;
  failed: (error: unknown) => string;
}) {
  const { poll, onChanged, onDeleted, onStale, failed } = props;
  const [busy, setBusy] = useState<Action | null>(null);
  const [confirming, setConfirming] = useState<'reset' | 'delete' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [showQr, setShowQr] = useState(false);
  const [copied, setCopied] = useState(false);
  const link = voteUrl(poll.code);

  const run = async (action: Action) => {
    setBusy(action);
    setProblem(null);
    setConfirming(null);
    try {
      if (action === 'export') {
        const result = await api().graphql({ query: exportResults, variables: { pollId: poll.id }, ...AS_ORGANIZER });
        download(`handsup-${poll.code}-round-${poll.round}.csv`, result.data.exportResults ?? '');
      } else if (action === 'delete') {
        await api().graphql({ query: deletePoll, variables: { id: poll.id }, ...AS_ORGANIZER });
        onDeleted(poll.id);
      } else {
        const query = action === 'open' ? openPoll : action === 'close' ? closePoll : resetPoll;
        const result = await api().graphql({ query, variables: { id: poll.id }, ...AS_ORGANIZER });
        const data = result.data as Record<string, Poll | null>;
        const next = data.openPoll ?? data.closePoll ?? data.resetPoll;
        if (next) onChanged(next);
      }
    } catch (error) {
      const failure = apiFailure(error);
      setProblem(failed(error));
      // Someone else moved or removed the poll: show the list as it is now.
      if (['InvalidState', 'ConcurrentChange', 'NotFound'].includes(failure.type)) onStale();
    } finally {
      setBusy(null);
    }
  };

  const copy = () => {
    void navigator.clipboard?.writeText(link).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 2_000);
      },
      () => setProblem('The link could not be copied: select it and copy it by hand.'),
    );
  };

  return (
    <li className={`poll-card poll-card--${poll.state.toLowerCase()}`} data-testid={`poll-${poll.code}`} aria-label={poll.title}>
      <div className="poll-card__head">
        <h3 className="poll-card__title">{poll.title}</h3>
        <PollStateTag state={poll.state} />
      </div>
      <p className="poll-card__facts">
        Code <strong className="code-inline" data-testid="poll-code">{poll.code}</strong> · results {visibilityLabel(poll.resultsVisibility).toLowerCase()}
        {poll.round > 1 ? ` · round ${poll.round}` : ''}
      </p>
      <p className="poll-card__options">
        {poll.options.map((option, index) => (
          <span key={option.id} className="chip" style={{ background: optionColour(index).background, color: optionColour(index).text }}>
            {option.label}
          </span>
        ))}
      </p>

      <div className="poll-card__actions">
        {poll.state === 'DRAFT' ? (
          <button type="button" className="button-link" disabled={busy !== null} onClick={() => void run('open')}>
            {busy === 'open' ? 'Opening…' : 'Open voting'}
          </button>
        ) : null}
        {poll.state === 'OPEN' ? (
          <button type="button" className="button-link button-link--danger" disabled={busy !== null} onClick={() => void run('close')}>
            {busy === 'close' ? 'Closing…' : 'Close voting'}
          </button>
        ) : null}
        <a className="button-link button-link--secondary" href={screenPath(poll.code)} target="_blank" rel="noopener">
          Big screen
        </a>
        <button type="button" className="button-link button-link--secondary" disabled={busy !== null} onClick={() => void run('export')}>
          {busy === 'export' ? 'Exporting…' : 'Export CSV'}
        </button>
        <button type="button" className="button-link button-link--secondary" disabled={busy !== null} onClick={() => setConfirming('reset')}>
          Reset
        </button>
        <button type="button" className="button-link button-link--secondary button-link--danger-text" disabled={busy !== null} onClick={() => setConfirming('delete')}>
          Delete
        </button>
      </div>

      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={confirming === 'reset' ? 'Confirm reset' : 'Confirm delete'}>
          <p>
            {confirming === 'reset'
              ? `Start round ${poll.round + 1}? Every vote of round ${poll.round} stops counting, the tally starts from zero and the poll goes back to draft.`
              : `Delete “${poll.title}” for good? Voters and the big screen are told it has ended; its results are gone.`}
          </p>
          <div className="confirm__actions">
            <button type="button" className="button-link button-link--danger" onClick={() => void run(confirming)}>
              {confirming === 'reset' ? 'Yes, reset' : 'Yes, delete'}
            </button>
            <button type="button" className="button-link button-link--secondary" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      <div className="share">
        <span className="share__label">Voter link</span>
        <a className="share__link" href={votePath(poll.code)} target="_blank" rel="noopener" data-testid="voter-link">
          {link}
        </a>
        <button type="button" className="button-link button-link--secondary button-link--small" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button-link button-link--secondary button-link--small" aria-expanded={showQr} onClick={() => setShowQr(!showQr)}>
          {showQr ? 'Hide QR' : 'QR code'}
        </button>
      </div>
      {showQr ? <QrCode url={link} className="share__qr" /> : null}

      {problem ? (
        <p className="form-message form-message--error" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

/** Saves text as a file through a temporary link (works in every current browser, no popup). */
function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

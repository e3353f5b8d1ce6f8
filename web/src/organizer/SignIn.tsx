import { useState, type FormEvent } from 'react';
import { currentSession, describeSignInError, setNewPassword, signInOrganizer, type Session, type SignInOutcome } from '../api/auth.ts';
import { Logo } from '../components/Logo.tsx';

/** The organizer's sign-in: username and password, then a new password on an account's first sign-in. */
export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (session: Session) => void }) {
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

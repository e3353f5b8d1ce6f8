import { useState, type FormEvent } from 'react';
import { Logo } from '../components/Logo.tsx';
import { looksLikeCode, normalizeCode, votePath } from '../routes.ts';

/** `/join`: type the code from the screen; the poll's page opens. */
export function JoinPage({ initialCode }: { initialCode: string }) {
  const [code, setCode] = useState(initialCode);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = normalizeCode(code);
    if (clean.length === 0) return setProblem('Enter the code shown on the screen.');
    if (!looksLikeCode(clean)) return setProblem('A code is letters and digits only, like K7QX2M. Check the screen and try again.');
    // The code goes into this page's address first, so Back (from a code that turns out mistyped) shows it again to correct.
    window.history.replaceState(null, '', `/join?code=${encodeURIComponent(clean)}`);
    window.location.assign(votePath(clean));
  };

  return (
    <main className="join-page">
      <header>
        <p className="eyebrow">
          <a href="/" className="home-link">
            <Logo /> HandsUp
          </a>
        </p>
        <h1 className="join-page__title">Join a poll</h1>
      </header>
      <form className="join-form" onSubmit={submit} noValidate>
        <label className="field" htmlFor="code">
          <span>Code on the screen</span>
        </label>
        <input
          id="code"
          className="code-input"
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            setProblem(null);
          }}
          placeholder="K7QX2M"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          inputMode="text"
          maxLength={16}
          autoFocus
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'code-problem' : undefined}
        />
        <button type="submit" className="button-link button-link--big">
          Join
        </button>
        {problem ? (
          <p id="code-problem" className="form-message form-message--error" role="alert">
            {problem}
          </p>
        ) : null}
      </form>
      <p className="join-page__hint">Or scan the QR code on the screen with your phone’s camera.</p>
    </main>
  );
}

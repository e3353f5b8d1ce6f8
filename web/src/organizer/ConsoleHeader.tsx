import { Logo } from '../components/Logo.tsx';
import { useOrganizer } from './session.tsx';

/** The top line of every organizer page: home, where you are, who is signed in. */
export function ConsoleHeader({ where }: { where?: { href: string; label: string } }) {
  const { session, signOut } = useOrganizer();
  return (
    <header className="console__header">
      <p className="eyebrow">
        <a href="/" className="home-link">
          <Logo /> HandsUp
        </a>{' '}
        · {where ? <a href={where.href} className="home-link console__back">{where.label}</a> : 'organizer console'}
      </p>
      <p className="console__who">
        Signed in as <strong data-testid="signed-in-as">{session.username}</strong>
        <button type="button" className="button-link button-link--secondary button-link--small" onClick={signOut}>
          Sign out
        </button>
      </p>
    </header>
  );
}

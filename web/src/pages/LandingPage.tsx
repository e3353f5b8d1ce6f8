import { Logo } from '../components/Logo.tsx';

/** `/`: where to go — vote with a code, or run polls. */
export function LandingPage() {
  return (
    <main className="landing">
      <header className="landing__header">
        <h1 className="brand">
          <Logo /> HandsUp
        </h1>
        <p className="landing__tagline">Live audience voting: a question on the big screen, an answer from every phone in the room.</p>
      </header>
      <div className="landing__choices">
        <a className="choice choice--vote" href="/join">
          <span className="choice__title">Vote</span>
          <span className="choice__detail">Enter the code shown on the screen.</span>
        </a>
        <a className="choice choice--organize" href="/organizer">
          <span className="choice__title">Run a poll</span>
          <span className="choice__detail">Organizers: sign in, create polls, open and close them.</span>
        </a>
      </div>
    </main>
  );
}

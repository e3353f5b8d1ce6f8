import type { OrganizerQuestion } from '../organizer/operations.ts';
import { screenPath } from '../routes.ts';
import { audienceView } from './audienceView.ts';

/** What the big screen shows now, in words, and the link that opens it (the audience's view, never the presenter's). */
export function ScreenStatement({ code, question }: { code: string; question: OrganizerQuestion | null }) {
  const view = question ? audienceView(question) : null;
  return (
    <section className="panel screen-statement" aria-labelledby="screen-statement-title">
      <h2 id="screen-statement-title" className="section-title">
        On the big screen now
      </h2>
      {question && view ? (
        <>
          <p className="screen-statement__question" data-testid="screen-question">
            {question.title}
          </p>
          <p className={`screen-statement__results screen-statement__results--${view.screenShowsResults ? 'shown' : 'hidden'}`} data-testid="screen-results" data-shown={view.screenShowsResults}>
            {view.words}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="screen-question">
          Nothing yet: the screen shows the code to join until you put a question on.
        </p>
      )}
      <a className="button-link button-link--secondary button-link--small" href={screenPath(code)} target="_blank" rel="noopener">
        Open the big screen
      </a>
    </section>
  );
}

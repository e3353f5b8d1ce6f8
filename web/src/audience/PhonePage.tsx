import { useEffect, useRef } from 'react';
import type { Answer, AudienceEvent, Question } from '../api/audience.ts';
import { ConnectionBadge, ConnectionBanner, useConnectionState } from '../components/ConnectionBadge.tsx';
import { Logo } from '../components/Logo.tsx';
import { EventLoadFailed, Notice } from '../components/Notice.tsx';
import { PollStateTag } from '../components/PollStateTag.tsx';
import { useEventMember, type Member } from '../live/useEventMember.ts';
import { useMyAnswer } from '../live/useMyAnswer.ts';
import { useAnswerSender, type Sending } from '../live/useAnswerSender.ts';
import { currentQuestion, useLiveEvent } from '../live/useLiveEvent.ts';
import { useLiveResults } from '../live/useLiveResults.ts';
import { QaPhone } from '../questions/qa/Phone.tsx';
import { mayAnswer } from '../questions/types.ts';
import { viewsOf } from '../questions/views.tsx';
import { audienceSeesResults, hiddenResultsReason } from '../questions/visibility.ts';
import './audience.css';

/** `/p/<code>`: a participant's phone. It joins the event once and shows whatever question the presenter has on. */
export function PhonePage({ code }: { code: string }) {
  const { load, problem, reload } = useLiveEvent(code);

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.event.title} · HandsUp`;
  }, [load]);

  switch (load.state) {
    case 'loading':
      return <Notice kind="loading" title="Joining…" />;
    case 'missing':
      return (
        <Notice kind="error" title={`Nothing has the code ${code}`} detail="Check the code on the screen: it may be mistyped, or the event has been removed.">
          <a className="button-link" href={`/join?code=${encodeURIComponent(code)}`}>
            Enter another code
          </a>
        </Notice>
      );
    case 'failed':
      return <EventLoadFailed message={load.message} retrying={load.retrying} onRetry={reload} />;
    case 'deleted':
      return (
        <Notice kind="error" title="This event has ended" detail={`The organizer removed “${load.event.title}”. Thank you for taking part.`}>
          <a className="button-link" href="/join">
            Join another event
          </a>
        </Notice>
      );
    case 'ready':
      return <Participating event={load.event} liveProblem={problem} reload={reload} />;
  }
}

function Participating({ event, liveProblem, reload }: { event: AudienceEvent; liveProblem: string | null; reload: () => void }) {
  const connection = useConnectionState();
  const member = useEventMember(event);
  const question = currentQuestion(event);

  return (
    <main className="vote-page" data-joined={member.participantId !== null} data-question-id={question?.id ?? ''}>
      <header className="vote-page__header">
        <div className="topline">
          <p className="eyebrow">
            <Logo /> {event.title} · <span className="code-inline">{event.code}</span>
          </p>
          <ConnectionBadge state={connection} problem={liveProblem} />
        </div>
      </header>

      <ConnectionBanner state={connection} detail="Your answer is kept on this phone; the page catches up when the connection is back." />

      {member.problem ? (
        <p className="feedback feedback--refused" role="alert" data-testid="join-problem">
          <span className="feedback__icon" aria-hidden="true">!</span>
          <span>{member.problem}</span>
        </p>
      ) : null}

      {question ? (
        // A new question is a new view: nothing typed or picked for the last one carries over.
        <QuestionOnPhone key={question.id} question={question} member={member} reload={reload} />
      ) : (
        <p className="state-message state-message--draft" role="status" data-testid="state-message">
          <strong>You are in.</strong> Keep this page open: the first question appears here when the presenter starts.
        </p>
      )}

      <footer className="vote-page__footer">
        <a href="/join">Join another event</a>
      </footer>
    </main>
  );
}

function QuestionOnPhone({ question, member, reload }: { question: Question; member: Member; reload: () => void }) {
  return (
    <section className="phone-question" aria-labelledby="question-title" data-testid="question" data-type={question.type} data-state={question.state}>
      <h1 className="vote-page__title" id="question-title" data-testid="question-title">
        {question.title}
      </h1>
      <div className="vote-page__state">
        <PollStateTag state={question.state} />
        {question.round > 1 ? <span className="round">Round {question.round}</span> : null}
      </div>
      {question.type === 'QA' ? (
        <>
          <StateMessage question={question} answered={false} />
          <QaPhone question={question} member={member} />
        </>
      ) : (
        <Answering question={question} member={member} reload={reload} />
      )}
    </section>
  );
}

function Answering({ question, member, reload }: { question: Question; member: Member; reload: () => void }) {
  const mine = useMyAnswer(question, member);
  const answered = !!mine.answer;
  const afterVote = question.resultsVisibility === 'AFTER_VOTE';
  const live = useLiveResults({
    question,
    enabled: audienceSeesResults(question, { answered }),
    participantId: afterVote && answered ? member.participantId : null,
  });
  const { sending, send } = useAnswerSender({ question, member, mine, onResults: live.offer, onMoved: reload });
  const views = viewsOf(question.type);
  if (!views) throw new Error(`No answer views for ${question.type}`);
  const inFlight = sending.state === 'sending' ? sending : null;
  const canAnswer = mayAnswer(question, mine.answer, member.participantId !== null, inFlight !== null);
  const closed = question.state === 'CLOSED';

  const results = (
    <section className="vote-results" aria-label="Results" data-testid="results" data-live={live.live}>
      {live.results ? (
        <>
          <h2 className="section-title">
            {closed ? 'Final results' : 'Live results'} · <span data-testid="total-votes">{live.results.voters}</span> {live.results.voters === 1 ? 'answer' : 'answers'}
          </h2>
          <views.PhoneResults question={question} results={live.results} answer={mine.answer ?? null} size="phone" />
        </>
      ) : (
        <p className="results-hint" data-testid="results-hint">
          {live.problem ?? (audienceSeesResults(question, { answered }) ? 'Loading the results…' : hiddenResultsReason(question, 'phone'))}
        </p>
      )}
    </section>
  );

  return (
    <div className="answering" aria-busy={inFlight !== null} data-answered={mine.answer === undefined ? 'unknown' : answered}>
      <StateMessage question={question} answered={answered} prompt={views.prompt(question.maxChoices)} />
      {/* Once the question is closed, the result is what people look for: it comes first. */}
      {closed ? results : null}
      <views.Phone question={question} answer={mine.answer} sending={sending} canAnswer={canAnswer} send={(payload) => void send(payload)} />
      <Feedback question={question} answer={mine.answer} sending={sending} />
      {closed ? null : results}
    </div>
  );
}

/**
 * What became of the answer, said once: sending, counted, or refused — a refusal
 * when this device already has an answer names the one counted, so a tab never
 * says "counted" and "not counted" at once. The verdict on an answer this tab
 * sent takes the keyboard focus if the control that sent it let go of it (a
 * button disabled once answered), and a refusal is brought into view, below
 * however many options, and again when the question's change moves it.
 */
function Feedback({ question, answer, sending }: { question: Question; answer: Answer | null | undefined; sending: Sending }) {
  const inFlight = sending.state === 'sending' ? sending : null;
  const refused = sending.state === 'refused' ? sending : null;
  const verdict = useRef<HTMLParagraphElement>(null);
  const sent = useRef(false);
  if (inFlight) sent.current = true;
  const verdictKey = refused ? `refused:${refused.seq}:${question.state}` : !inFlight && answer ? `counted:${answer.seq}` : '';
  useEffect(() => {
    const element = verdict.current;
    if (!element || !verdictKey) return;
    if (sent.current) {
      sent.current = false;
      if (!document.activeElement || document.activeElement === document.body) element.focus({ preventScroll: true });
    }
    if (verdictKey.startsWith('refused')) element.scrollIntoView({ block: 'nearest' });
  }, [verdictKey]);

  return (
    <div className="vote-feedback" aria-live="polite">
      {inFlight ? (
        <p className={`feedback ${inFlight.trouble ? 'feedback--retrying' : 'feedback--sending'}`} role="status" data-testid="vote-sending">
          <span className="feedback__spinner" aria-hidden="true" />
          <span>
            {inFlight.trouble ? (
              <>
                <strong>Retrying your answer…</strong> {inFlight.trouble} Keep this page open: it is sent as soon as the service answers.
              </>
            ) : (
              'Sending your answer…'
            )}
          </span>
        </p>
      ) : null}
      {!inFlight && !refused && answer ? (
        <p ref={verdict} tabIndex={-1} className="feedback feedback--counted" role="status">
          <span className="feedback__icon" aria-hidden="true">✓</span>
          <span data-testid="vote-counted">
            Your answer <strong>{describeAnswer(question, answer)}</strong> was counted.
            {question.allowChange && question.state === 'OPEN' ? ' You can change it until the question closes.' : ''}
          </span>
        </p>
      ) : null}
      {refused ? (
        <p ref={verdict} tabIndex={-1} key={refused.seq} className="feedback feedback--refused" role="alert">
          <span className="feedback__icon" aria-hidden="true">!</span>
          <span data-testid="vote-refused">
            {answer ? 'This answer was not counted.' : 'Your answer was not counted.'} {refused.message}
            {answer ? (
              <>
                {' '}
                The answer counted is <strong>{describeAnswer(question, answer)}</strong>.
              </>
            ) : null}
          </span>
        </p>
      ) : null}
    </div>
  );
}

/** An answer as the person would say it: the options' labels, or the words. */
function describeAnswer(question: Question, answer: Answer): string {
  if (question.type === 'WORD_CLOUD') return answer.words.join(', ');
  const labels = new Map(question.options.map((option) => [option.id, option.label]));
  return answer.optionIds.map((id) => labels.get(id) ?? id).join(', ');
}

function StateMessage({ question, answered, prompt }: { question: Question; answered: boolean; prompt?: string }) {
  if (question.state === 'DRAFT') {
    return (
      <p className="state-message state-message--draft" role="status" data-testid="state-message">
        <strong>Not open yet.</strong> Keep this page open: it lights up when the presenter opens the question.
      </p>
    );
  }
  if (question.state === 'CLOSED') {
    return (
      <p className="state-message state-message--closed" role="status" data-testid="state-message">
        <strong>This question is closed.</strong> {question.type === 'QA' ? 'New questions are no longer taken.' : 'Answers are no longer taken.'}
      </p>
    );
  }
  if (question.type === 'QA') {
    return (
      <p className="vote-page__hint" data-testid="state-message">
        Ask the speaker a question, or upvote the ones you want answered.
      </p>
    );
  }
  return (
    <p className="vote-page__hint" data-testid="state-message">
      {answered ? (question.allowChange ? 'Your answer is in. You can still change it.' : 'Your answer is in.') : prompt}
    </p>
  );
}

import type { ReactNode } from 'react';

/** A whole-page message: loading, or something that went wrong, in plain words. */
export function Notice(props: { kind: 'loading' | 'error'; title: string; detail?: string; children?: ReactNode }) {
  const { kind, title, detail, children } = props;
  return (
    // The message is announced from a region inside <main>: a role on <main> itself would take its landmark away.
    <main className={`notice notice--${kind}`}>
      {kind === 'loading' ? <div className="spinner" aria-hidden="true" /> : <div className="notice__icon" aria-hidden="true">!</div>}
      <div className="notice__message" role={kind === 'error' ? 'alert' : 'status'}>
        <h1 className="notice__title">{title}</h1>
        {detail ? <p className="notice__detail">{detail}</p> : null}
      </div>
      {children}
    </main>
  );
}

/** An event that could not be loaded: why, whether it is being tried again, and a way to try now. */
export function EventLoadFailed({ message, retrying, onRetry }: { message: string; retrying: boolean; onRetry: () => void }) {
  return (
    <Notice kind="error" title="The event could not be opened" detail={`${message}${retrying ? ' Trying again…' : ''}`}>
      <button type="button" className="button-link" onClick={onRetry}>
        Try again now
      </button>
    </Notice>
  );
}

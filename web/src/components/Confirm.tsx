import type { ReactNode } from 'react';

/** Asks before something that cannot be undone: what will happen, then "Yes, <verb>" or Cancel. */
export function Confirm({ verb, onConfirm, onCancel, children }: { verb: string; onConfirm: () => void; onCancel: () => void; children: ReactNode }) {
  return (
    <div className="confirm" role="alertdialog" aria-label={`Confirm ${verb}`}>
      <p>{children}</p>
      <div className="confirm__actions">
        <button type="button" className="button-link button-link--danger" onClick={onConfirm}>
          Yes, {verb}
        </button>
        <button type="button" className="button-link button-link--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

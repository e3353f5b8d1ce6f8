import { useState } from 'react';
import { QrCode } from '../components/QrCode.tsx';
import { votePath, voteUrl } from '../routes.ts';

/** The event's one link for the whole talk: copy it, or show its QR code. */
export function ShareLink({ code }: { code: string }) {
  const [showQr, setShowQr] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const link = voteUrl(code);
  const copy = () => {
    void navigator.clipboard?.writeText(link).then(
      () => {
        setCopied('yes');
        setTimeout(() => setCopied(null), 2_000);
      },
      () => setCopied('failed'),
    );
  };
  return (
    <>
      <div className="share">
        <span className="share__label">Audience link</span>
        <a className="share__link" href={votePath(code)} target="_blank" rel="noopener" data-testid="voter-link">
          {link}
        </a>
        <button type="button" className="button-link button-link--secondary button-link--small" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button-link button-link--secondary button-link--small" aria-expanded={showQr} onClick={() => setShowQr(!showQr)}>
          {showQr ? 'Hide QR' : 'QR code'}
        </button>
      </div>
      {copied === 'failed' ? <p className="form-message form-message--error" role="alert">The link could not be copied: select it and copy it by hand.</p> : null}
      {showQr ? <QrCode url={link} className="share__qr" /> : null}
    </>
  );
}

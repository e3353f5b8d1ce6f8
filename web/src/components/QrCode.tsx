import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The voter link as a QR code (SVG, so it stays sharp when projected). */
export function QrCode({ url, className }: { url: string; className?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#14122b', light: '#ffffff' } }).then(
      (text) => !cancelled && setSvg(text),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [url]);
  if (failed) return null;
  return (
    <span className={`qr ${className ?? ''}`} data-testid="qr" data-url={url}>
      {svg ? <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={`QR code for ${url}`} /> : null}
    </span>
  );
}

/** HandsUp's mark: three raised bars in the option colours (no emoji font needed). */
export function Logo({ size = '1em' }: { size?: string }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="2" y="10" width="5.5" height="12" rx="2.2" fill="#e63946" />
      <rect x="9.25" y="2" width="5.5" height="20" rx="2.2" fill="#ffb703" />
      <rect x="16.5" y="6" width="5.5" height="16" rx="2.2" fill="#1d6fe0" />
    </svg>
  );
}

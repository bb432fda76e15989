/** The Coffre wordmark: a small strongbox glyph and the name. */
export function Brand({ small = false }: { small?: boolean }) {
  return (
    <span className={small ? 'brand brand-small' : 'brand'}>
      <svg viewBox="0 0 24 24" aria-hidden="true" className="brand-mark">
        <rect x="3" y="4" width="18" height="16" rx="3" fill="currentColor" opacity="0.15" />
        <rect x="3" y="4" width="18" height="16" rx="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <circle cx="12" cy="12" r="3.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M12 8.8v1.4M12 13.8v1.4M8.8 12h1.4M13.8 12h1.4" stroke="currentColor" strokeWidth="1.4" />
      </svg>
      Coffre
    </span>
  );
}

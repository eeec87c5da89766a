import type { ToolId } from './tools';

/** Line icons for the editor's tools, drawn on the app's 24-unit grid like components/Icon. */
const PATHS: Record<ToolId | 'rotate' | 'compare', string> = {
  lux: 'M4 20 14.5 9.5M15.5 3v2.5M15.5 11.5V14M21 8.5h-2.5M12.5 8.5H10M19.4 4.6l-1.8 1.8M13.4 10.6l-1.8 1.8M19.4 12.4l-1.8-1.8M11.6 4.6l1.8 1.8',
  adjust: 'M4 4h16v16H4zM4 9.33h16M4 14.67h16M9.33 4v16M14.67 4v16',
  brightness:
    'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM12 2.5v2M12 19.5v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2.5 12h2M19.5 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  contrast: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 3v18M12 7.5h6.5M12 12h9M12 16.5h6.5',
  structure: 'M12 3.5 21 20H3ZM12 10l4 7H8Z',
  warmth: 'M14 14.5V5a2 2 0 1 0-4 0v9.5a4 4 0 1 0 4 0ZM12 16.5V10',
  saturation: 'M12 3s6.5 6.8 6.5 11.5a6.5 6.5 0 0 1-13 0C5.5 9.8 12 3 12 3ZM12 21V9.5',
  color:
    'M12 3a9 9 0 0 0 0 18c1.1 0 1.6-.7 1.6-1.5 0-1.2-1-1.6-1-2.6 0-.9.8-1.4 2-1.4h2.1A4.3 4.3 0 0 0 21 11.2C21 6.7 17 3 12 3ZM7.5 12h.01M9.5 7.5h.01M14.5 7.5h.01',
  fade: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 3v18M15.5 4v16M19 7v10',
  highlights: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM3 12h18M4 8h16M6.5 4.8h11',
  shadows: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM3 12h18M4 16h16M6.5 19.2h11',
  vignette: 'M3 5h18v14H3zM12 16.5c3.6 0 6-2 6-4.5s-2.4-4.5-6-4.5-6 2-6 4.5 2.4 4.5 6 4.5Z',
  tiltShift: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM3 5.5h18M3 18.5h18',
  sharpen: 'M12 2.5 21.5 12 12 21.5 2.5 12ZM12 7.5l4.5 4.5-4.5 4.5-4.5-4.5Z',
  rotate: 'M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5',
  compare: 'M4 5h16v14H4zM12 3v18M12 5h8v14h-8Z',
};

export function EditIcon({ name, size = 24 }: { name: keyof typeof PATHS; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
      {name === 'compare' && <path d="M12 5h8v14h-8Z" fill="currentColor" stroke="none" />}
    </svg>
  );
}

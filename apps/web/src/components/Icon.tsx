import type { SVGProps } from 'react';

/** Outline icons in Instagram's style, drawn on a 24×24 grid. Decorative: the button around them carries the label. */
const PATHS = {
  home: 'M9.005 16.545a2.997 2.997 0 0 1 2.997-2.997A2.997 2.997 0 0 1 15 16.545V22h7V11.543L12 2 2 11.543V22h7.005Z',
  search: 'M19 10.5A8.5 8.5 0 1 1 10.5 2a8.5 8.5 0 0 1 8.5 8.5ZM16.511 16.511 22 22',
  explore: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM15.6 8.4l-2.1 5.1-5.1 2.1 2.1-5.1Z',
  create:
    'M2 12v3.45c0 2.849.698 4.005 1.606 4.944.94.909 2.098 1.608 4.946 1.608h6.896c2.848 0 4.006-.7 4.946-1.608C21.302 19.455 22 18.3 22 15.45V8.552c0-2.849-.698-4.006-1.606-4.945C19.454 2.7 18.296 2 15.448 2H8.552c-2.848 0-4.006.699-4.946 1.607C2.698 4.547 2 5.703 2 8.552ZM6.545 12.001h10.91M12.003 6.545v10.91',
  heart:
    'M16.792 3.904A4.989 4.989 0 0 1 21.5 9.122c0 3.072-2.652 4.959-5.197 7.222-2.512 2.243-3.865 3.469-4.303 3.752-.477-.309-2.143-1.823-4.303-3.752C5.141 14.072 2.5 12.167 2.5 9.122a4.989 4.989 0 0 1 4.708-5.218 4.21 4.21 0 0 1 3.675 1.941c.84 1.175.98 1.763 1.12 1.763s.278-.588 1.11-1.766a4.17 4.17 0 0 1 3.679-1.938Z',
  comment: 'M20.656 17.008a9.993 9.993 0 1 0-3.59 3.615L22 22Z',
  share: 'M22 3 9.218 10.083M11.698 20.334 22 3.001H2l7.218 7.083 2.48 10.25Z',
  bookmark: 'M20 21 12 13.44 4 21V3h16v18z',
  user: 'M12 12a4.5 4.5 0 1 0-4.5-4.5A4.5 4.5 0 0 0 12 12Zm-8 9a8 8 0 0 1 16 0',
  close: 'M21 3 3 21M3 3l18 18',
  chevronLeft: 'M15 4 7 12l8 8',
  chevronRight: 'M9 4l8 8-8 8',
  more: 'M3 6h18M3 12h18M3 18h18',
  link: 'M10 14a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5M14 10a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5',
  grid: 'M3 3h18v18H3zM9.01 3v18M14.99 3v18M21 9.01H3M21 14.99H3',
  lock: 'M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4',
  carousel: 'M7 3h14v14H7zM3 7v14h14',
  camera: 'M3 8h4l2-3h6l2 3h4v12H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z',
  logout: 'M15 3h5v18h-5M10 17l5-5-5-5M15 12H3',
  shield: 'M12 2.5 4 5.5v6c0 4.9 3.4 9 8 10.5 4.6-1.5 8-5.6 8-10.5v-6Z',
  star: 'm12 2.6 2.9 5.9 6.5.94-4.7 4.6 1.1 6.5L12 17.5l-5.8 3.05 1.1-6.5-4.7-4.6 6.5-.94Z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({
  name,
  filled = false,
  size = 24,
  ...rest
}: { name: IconName; filled?: boolean; size?: number } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

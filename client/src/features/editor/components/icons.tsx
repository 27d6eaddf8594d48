/**
 * Toolbar icons, drawn here rather than taken from an icon package: a dozen simple strokes
 * do not justify a dependency. Always decorative (aria-hidden); the button carries the name.
 */
const PATHS = {
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'm15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 5l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.6 1L3.5 19H6.5',
  indent: 'M3 4h18M11 9h10M11 15h10M3 20h18M3 9l4 3-4 3z',
  outdent: 'M3 4h18M11 9h10M11 15h10M3 20h18M7 9l-4 3 4 3z',
  table: 'M3 4h18v16H3zM3 10h18M3 15h18M9 4v16M15 4v16',
  tableEdit: 'M3 4h18v16H3zM3 10h18M9 4v16M14 16h6M17 13v6',
  find: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM20 20l-4.8-4.8',
  replace: 'M4 7h11l-3-3M20 17H9l3 3M4 7v3M20 17v-3',
  outline: 'M4 5h16M7 10h13M7 15h13M10 20h10',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="editor-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

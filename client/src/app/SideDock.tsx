import { useId, useRef, type ReactNode, type Ref } from 'react';
import type { DockLayout } from './useSideDock';
import './SideDock.css';

interface Props {
  /**
   * The feature's name for its dock ('comments'): the dock, its toggle and its close button
   * carry `<name>-dock`, `<name>-toggle`, `<name>-close` as class and test id.
   */
  name: string;
  /** The panel's class and test id ('comments-sidebar'); its head and title add `__head`, `__title`. */
  panelName: string;
  layout: DockLayout;
  open: boolean;
  setOpen(open: boolean): void;
  /** The bottom corner its toggle stands in on a phone, apart from the other dock's. */
  corner: 'left' | 'right';
  /** In the side column under another dock it fills the rest; the one above keeps to its share. */
  column?: 'fill' | 'capped';
  /** What the toggle says (an icon, a word); its count follows. */
  toggle: ReactNode;
  /** How many there are: on the toggle, so that a closed dock still says there are some. */
  count: number;
  /** The count in words, for a screen reader (「未解決のコメント 3 件」). */
  countText: string;
  countTestId?: string;
  title: string;
  /** The panel's heading id, for lists inside that are named by it. */
  headingId: string;
  /** Beside the title: how many there are. */
  status: string;
  statusTestId?: string;
  closeLabel: string;
  panelRef?: Ref<HTMLElement>;
  children: ReactNode;
}

/**
 * A panel of the plan page beside the content (a sticky column, only its toggle when closed)
 * or, on a phone or tablet, a button in a bottom corner and a sheet over the lower part of the
 * screen, closed by its button or Escape. The comments and the suggestion cards each stand in one.
 */
export function SideDock(props: Props) {
  const { name, panelName, layout, open, setOpen, corner, column = 'fill', headingId, panelRef } = props;
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // After the render that shows the toggle again (hidden under an open sheet).
    requestAnimationFrame(() => toggleRef.current?.focus());
  };
  return (
    <div
      className={`side-dock side-dock--${layout} side-dock--${column} ${name}-dock ${name}-dock--${layout}`}
      data-open={open}
      data-corner={corner}
      data-testid={`${name}-dock`}
    >
      <button
        ref={toggleRef}
        type="button"
        className={`side-dock__toggle ${name}-toggle`}
        data-testid={`${name}-toggle`}
        data-layout={layout}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          // Into the panel, as into a dialog: on a phone it has just covered the page.
          if (!open && layout === 'sheet') requestAnimationFrame(() => document.getElementById(headingId)?.focus());
        }}
      >
        {props.toggle}
        <span className="side-dock__count" data-count={props.count} data-testid={props.countTestId}>
          {props.count}
        </span>
        <span className="visually-hidden">{props.countText}</span>
      </button>
      <aside
        ref={panelRef}
        id={panelId}
        className={`side-dock__panel ${panelName}`}
        data-testid={panelName}
        aria-labelledby={headingId}
        hidden={!open}
        onKeyDown={(event) => {
          // Escape inside a field cancels that field first (a composer, a mention list).
          if (event.key === 'Escape' && layout === 'sheet' && !event.defaultPrevented && !(event.target instanceof HTMLTextAreaElement)) close();
        }}
      >
        <div className={`side-dock__head ${panelName}__head`}>
          <h2 id={headingId} className={`side-dock__title ${panelName}__title`} tabIndex={-1}>
            {props.title}
          </h2>
          <span className="side-dock__status" data-testid={props.statusTestId}>
            {props.status}
          </span>
          <button type="button" className={`button button--quiet side-dock__close ${name}-close`} data-testid={`${name}-close`} onClick={close}>
            {props.closeLabel}
          </button>
        </div>
        {props.children}
      </aside>
    </div>
  );
}

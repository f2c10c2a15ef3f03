import type { ComponentChildren, RefObject } from 'preact';
import {
  MIN_WIDTH,
  WIDTH_STEP,
  type Layout,
  type LayoutMode,
  type Side,
} from '../../data/settings/layout';

export type Theme = 'light' | 'dark';

export interface SidebarShellProps {
  layout: Layout;
  mode: LayoutMode;
  theme: Theme;
  /** The widest the sidebar may be in this window. */
  maxWidth: number;
  panelRef: RefObject<HTMLElement | null>;
  toggleRef: RefObject<HTMLButtonElement | null>;
  onToggle: () => void;
  onPin: (pinned: boolean) => void;
  onSide: (side: Side) => void;
  /** `done` is true when a drag or key press ends: the moment to remember the width. */
  onResize: (width: number, done: boolean) => void;
  onEscape: () => void;
  children: ComponentChildren;
}

/** The frame: the edge tab that toggles, the landmark, pin / side controls and the resize grip. */
export function SidebarShell(props: SidebarShellProps) {
  const { layout, mode, theme, maxWidth } = props;
  const open = layout.open;
  const other: Side = layout.side === 'right' ? 'left' : 'right';

  const widthAt = (clientX: number) =>
    layout.side === 'right' ? window.innerWidth - clientX : clientX;

  return (
    <div
      class="fn-root"
      data-testid="fn-root"
      data-theme={theme}
      data-side={layout.side}
      data-mode={mode}
      style={{ width: open ? `${layout.width}px` : '0px' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          props.onEscape();
        }
      }}
    >
      <button
        ref={props.toggleRef}
        type="button"
        class="fn-toggle"
        data-testid="fn-toggle"
        aria-expanded={open}
        aria-controls="fn-panel"
        aria-label={open ? 'Hide field notes' : 'Show field notes'}
        title={open ? 'Hide field notes' : 'Show field notes'}
        onClick={props.onToggle}
      >
        <span aria-hidden="true">{open ? '×' : 'Field notes'}</span>
      </button>
      <aside
        id="fn-panel"
        ref={props.panelRef}
        class="fn-sidebar"
        data-testid="fn-sidebar"
        aria-label="Field notes"
        tabIndex={-1}
        hidden={!open}
      >
        <header class="fn-head">
          <p class="fn-kicker">Field notes</p>
          <div class="fn-controls">
            <button
              type="button"
              class="fn-small"
              data-testid="fn-pin"
              aria-pressed={layout.pinned}
              title={
                layout.pinned
                  ? 'Pinned: pushes the page aside where there is room'
                  : 'Unpinned: floats over the page'
              }
              onClick={() => props.onPin(!layout.pinned)}
            >
              {layout.pinned ? 'Pinned' : 'Pin'}
            </button>
            <button
              type="button"
              class="fn-small"
              data-testid="fn-side"
              onClick={() => props.onSide(other)}
            >
              Move {other}
            </button>
          </div>
        </header>
        <div
          class="fn-grip"
          data-testid="fn-resize"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize field notes"
          aria-valuemin={MIN_WIDTH}
          aria-valuemax={maxWidth}
          aria-valuenow={layout.width}
          tabIndex={0}
          onPointerDown={(event) => {
            event.preventDefault();
            const grip = event.currentTarget;
            grip.setPointerCapture(event.pointerId);
            const move = (e: PointerEvent) => props.onResize(widthAt(e.clientX), false);
            const up = (e: PointerEvent) => {
              grip.removeEventListener('pointermove', move);
              grip.removeEventListener('pointerup', up);
              grip.removeEventListener('pointercancel', up);
              props.onResize(widthAt(e.clientX), true);
            };
            grip.addEventListener('pointermove', move);
            grip.addEventListener('pointerup', up);
            grip.addEventListener('pointercancel', up);
          }}
          onKeyDown={(event) => {
            // Arrow towards the page widens the sidebar, whichever side it is on.
            const widen = layout.side === 'right' ? 'ArrowLeft' : 'ArrowRight';
            const narrow = layout.side === 'right' ? 'ArrowRight' : 'ArrowLeft';
            if (event.key !== widen && event.key !== narrow) return;
            event.preventDefault();
            props.onResize(layout.width + (event.key === widen ? WIDTH_STEP : -WIDTH_STEP), true);
          }}
        />
        {/* Collapsed, the notes are not drawn at all: the edge tab is all a page load pays for. */}
        {open ? props.children : null}
      </aside>
    </div>
  );
}

/**
 * Keyboard access to boxes that scroll sideways (wide tables, matrices and
 * formulas on a phone): each one that overflows gets `tabindex="0"` so it can
 * be focused and scrolled with the arrow keys (WCAG 2.1.1; axe's
 * scrollable-region-focusable); the others stay out of the tab order.
 */
import { type RefObject, useEffect } from 'react';

const SCROLLERS = '.dnn-scroll, .dnn-tex--display';

/** Marks the overflowing scroll boxes inside `root` focusable; re-checks when `deps` change and on resize. */
export function useFocusableOverflow(root: RefObject<HTMLElement | null>, deps: readonly unknown[]): void {
  useEffect(() => {
    const mark = () => {
      const boxes = Array.from(root.current?.querySelectorAll<HTMLElement>(SCROLLERS) ?? []);
      // Read every width first, then write: interleaving forces a layout per box.
      const overflowing = boxes.map((el) => el.scrollWidth > el.clientWidth + 1);
      for (const [k, el] of boxes.entries()) {
        if (overflowing[k]) {
          el.tabIndex = 0;
          el.setAttribute('role', 'group');
          el.setAttribute('aria-label', 'Wide content: scroll sideways with the arrow keys');
        } else {
          el.removeAttribute('tabindex');
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      }
    };
    mark();
    window.addEventListener('resize', mark);
    return () => window.removeEventListener('resize', mark);
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller says when the content changed
  }, deps);
}

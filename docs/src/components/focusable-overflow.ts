/**
 * Keyboard access to boxes that scroll sideways (wide tables, matrices and
 * formulas on a phone): each one that overflows gets `tabindex="0"` so it can
 * be focused and scrolled with the arrow keys (WCAG 2.1.1; axe's
 * scrollable-region-focusable); the others stay out of the tab order.
 */
import { type RefObject, useEffect } from 'react';

const SCROLLERS = '.dnn-scroll, .dnn-tex--display';

/** Sets (or with null removes) an attribute only when it differs: an unchanged box gets no DOM write at all. */
function setAttr(el: HTMLElement, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** Marks the overflowing scroll boxes inside `root` focusable; re-checks when `deps` change and on resize. */
export function useFocusableOverflow(root: RefObject<HTMLElement | null>, deps: readonly unknown[]): void {
  useEffect(() => {
    const mark = () => {
      const boxes = Array.from(root.current?.querySelectorAll<HTMLElement>(SCROLLERS) ?? []);
      // Read every width first, then write: interleaving forces a layout per box.
      const overflowing = boxes.map((el) => el.scrollWidth > el.clientWidth + 1);
      for (const [k, el] of boxes.entries()) {
        const on = overflowing[k];
        setAttr(el, 'tabindex', on ? '0' : null);
        setAttr(el, 'role', on ? 'group' : null);
        setAttr(el, 'aria-label', on ? 'Wide content: scroll sideways with the arrow keys' : null);
      }
    };
    mark();
    window.addEventListener('resize', mark);
    return () => window.removeEventListener('resize', mark);
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller says when the content changed
  }, deps);
}

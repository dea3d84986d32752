/**
 * A grid editor for a matrix (or channels of matrices): one number box per
 * cell, rows and columns added or removed with buttons, and a paste of a
 * spreadsheet block, a JSON array or a LaTeX pmatrix into any cell replaces the
 * whole grid. "Edit as text" switches to the plain text box.
 */
import { type ClipboardEvent, useState } from 'react';
import { parseJsonText, parseNumberText } from '../schema-fields';
import { fromChannels, resizeColumns, resizeRows, toChannels } from './grid';

/** Props of {@link MatrixGrid}. */
export interface MatrixGridProps {
  /** Accessible name of the grid ("Input"). */
  label: string;
  value: unknown;
  onChange: (next: unknown) => void;
  /** Id of the field's description, for aria-describedby. */
  describedBy: string;
  invalid: boolean;
}

/** The grid; renders nothing useful for a value that is not a matrix (the caller shows the text box then). */
export default function MatrixGrid({ label, value, onChange, describedBy, invalid }: MatrixGridProps) {
  const [channels, setChannels] = useState(() => toChannels(value) ?? [[['0']]]);
  const commit = (next: string[][][]) => {
    setChannels(next);
    onChange(fromChannels(next, parseNumberText));
  };
  const setCell = (c: number, i: number, j: number, text: string) =>
    commit(
      channels.map((m, ci) =>
        ci !== c ? m : m.map((r, ri) => (ri !== i ? r : r.map((t, cj) => (cj === j ? text : t)))),
      ),
    );
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!/[\n\t&,[]/.test(text)) return; // one number: paste into the cell as usual
    const pasted = toChannels(parseJsonText(text.replace(/\t/g, ' ')));
    if (!pasted) return;
    e.preventDefault();
    commit(pasted);
  };
  const rows = channels[0]?.length ?? 0;
  const cols = channels[0]?.[0]?.length ?? 0;
  return (
    <fieldset
      className="dnn-grid-editor"
      aria-label={`${label}: ${rows} × ${cols}${channels.length > 1 ? ` × ${channels.length} channels` : ''}`}
      aria-describedby={describedBy}
    >
      <div className="dnn-grid-editor__channels">
        {channels.map((m, c) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: channels are positional
          <fieldset key={c} className="dnn-grid-editor__channel">
            {channels.length > 1 && <legend>Channel {c + 1}</legend>}
            <div
              className="dnn-grid-editor__cells"
              style={{ gridTemplateColumns: `repeat(${cols}, minmax(2.6rem, 4rem))` }}
            >
              {m.map((r, i) =>
                r.map((t, j) => (
                  <input
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    key={`${i}-${j}`}
                    className="dnn-input dnn-grid-editor__cell"
                    value={t}
                    inputMode="decimal"
                    aria-label={`${label}${channels.length > 1 ? ` channel ${c + 1}` : ''} row ${i + 1} column ${j + 1}`}
                    aria-invalid={invalid || undefined}
                    onChange={(e) => setCell(c, i, j, e.target.value)}
                    onPaste={onPaste}
                  />
                )),
              )}
            </div>
          </fieldset>
        ))}
      </div>
      <div className="dnn-grid-editor__buttons">
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => commit(resizeRows(channels, 1))}
        >
          + row
        </button>
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={rows <= 1}
          onClick={() => commit(resizeRows(channels, -1))}
        >
          − row
        </button>
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => commit(resizeColumns(channels, 1))}
        >
          + column
        </button>
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={cols <= 1}
          onClick={() => commit(resizeColumns(channels, -1))}
        >
          − column
        </button>
      </div>
    </fieldset>
  );
}

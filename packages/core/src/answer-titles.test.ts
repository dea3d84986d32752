import { describe, expect, it } from 'vitest';
import { a, z } from './index.js';

describe('a.fieldTitles', () => {
  it("gives each top-level field's title by key, through optional and nullable wrappers", () => {
    const answer = a.answer({
      outputShape: a.shape('Output shape'),
      divisible: z.optional(a.flag('Divides evenly')),
      loss: z.nullable(a.scalar('Loss')),
    });
    expect(a.fieldTitles(answer)).toEqual({ outputShape: 'Output shape', divisible: 'Divides evenly', loss: 'Loss' });
  });

  it('gives nothing for a schema without fields', () => {
    expect(a.fieldTitles(a.scalar('Loss'))).toEqual({});
  });
});

/** Student ids: numbered for a class size, or read from a roster. */
import { describe, expect, it } from 'vitest';
import { readRoster, studentIds } from './students.js';

describe('studentIds', () => {
  it('numbers s01 … s30, padded to the width of the count', () => {
    const ids = studentIds(30);
    expect(ids).toHaveLength(30);
    expect([ids[0], ids[9], ids[29]]).toEqual(['s01', 's10', 's30']);
    expect(studentIds(120)[0]).toBe('s001');
  });

  it.each([0, -3, 2.5, 1001])('rejects %s students', (n) => {
    expect(() => studentIds(n)).toThrow(/^students: must be a whole number from 1 to 1000/);
  });
});

describe('readRoster', () => {
  it('reads one id per line, trimmed, skipping blank lines and # comments', () => {
    expect(readRoster('# class 3B\nada\n\n  Grace Hopper \r\nalan\n')).toEqual(['ada', 'Grace Hopper', 'alan']);
  });

  it('names the line of a repeated id', () => {
    expect(() => readRoster('ada\nalan\n\nada')).toThrow('roster: line 4: "ada" is already on line 1');
  });

  it('rejects an empty roster and an over-long id', () => {
    expect(() => readRoster('# nobody\n\n')).toThrow('roster: has no student ids');
    expect(() => readRoster(`ok\n${'x'.repeat(101)}`)).toThrow('roster: line 2: an id has at most 100 characters');
  });
});

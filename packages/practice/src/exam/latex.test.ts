/**
 * The LaTeX sheets and keys compile with pdflatex (Debian's TeX Live, the exam class): three variants with their
 * keys, and every generator of the catalog at every difficulty in one sheet.
 */
import { describe, expect, it } from 'vitest';
import { DIFFICULTIES, generators } from '../index.js';
import { registry } from '../test-registry.test-util.js';
import { spec, variantOf } from './exam-fixture.test-util.js';
import { examLatex } from './latex.js';
import { type Compiled, compileLatex, hasPdflatex } from './pdflatex.test-util.js';
import { readExamSpec } from './spec.js';
import { examVariant } from './variant.js';

/**
 * What a clean run looks like: exit 0, no error line, no character the fonts lack (printed as nothing), and
 * nothing running off the page (no line more than 10 pt into the margin).
 */
function expectClean(run: Compiled): void {
  expect(run.log.split('\n').filter((line) => line.startsWith('!'))).toEqual([]);
  expect(run.log).not.toContain('Missing character');
  const overfull = [...run.log.matchAll(/Overfull \\hbox \(([\d.]+)pt too wide\)/g)].map((m) => Number(m[1]));
  expect(overfull.filter((pt) => pt > 10)).toEqual([]);
  expect(run.status).toBe(0);
}

describe('examLatex', () => {
  it('writes the exam class: \\question[points], a box to write in, the key with the answers option', () => {
    const v = variantOf('s01');
    const sheet = examLatex(v);
    const key = examLatex(v, { answers: true });
    expect(sheet).toMatch(/^\\documentclass\[11pt,a4paper\]\{exam\}/);
    expect(key).toMatch(/^\\documentclass\[11pt,a4paper,answers\]\{exam\}/);
    expect(sheet.match(/\\question\[(\d+)\]/g)).toEqual(['\\question[2]', '\\question[3]', '\\question[5]']);
    expect(sheet.match(/\\makeemptybox/g)).toHaveLength(3);
    expect(sheet).not.toContain('\\begin{solution}');
    expect(key.match(/\\begin\{solution\}/g)).toHaveLength(3);
  });

  it('escapes every user string: title, instructions and student id', () => {
    const v = { ...variantOf('s01'), student: '\\input{/etc/passwd}' };
    const tex = examLatex(v);
    expect(tex).toContain(
      'Midterm \\textless{}b\\textgreater{}DL\\textless{}/b\\textgreater{} \\& "friends" — 100\\% \\{x\\_1\\} \\$5 \\#2 \\textasciicircum{}\\textasciitilde{}\\textbackslash{}',
    );
    expect(tex).toContain('Student \\textbackslash{}input\\{/etc/passwd\\}');
    expect(tex).not.toContain('\\input{');
    expect(tex).toContain('Good luck: \\textbar{}x\\textbar{} \\textless{} 1 \\textgreater{} 0');
  });

  it('writes the key’s negative numbers with a maths minus, which never ends a line as a hyphen would', () => {
    const backprop = readExamSpec(
      { title: 'Backprop', seed: 3, items: [{ solver: 'conv/backprop', difficulty: 'hard', points: 6 }] },
      generators,
    );
    const key = examLatex(examVariant(registry, generators, backprop, 's01'), { answers: true });
    const answerLines = key.split('\n').filter((line) => line.startsWith('  \\item \\textbf{'));
    expect(answerLines.join('\n')).toContain('\\ensuremath{-}');
    expect(answerLines.join('\n')).not.toMatch(/-\d/);
  });

  it.runIf(hasPdflatex)('three variants and their keys compile; a sheet prints one question per page', () => {
    for (const student of ['s01', 's02', '\\input{/etc/passwd} #1 & $x$']) {
      const v = { ...variantOf(student), student };
      const sheet = compileLatex(examLatex(v), 'sheet');
      expectClean(sheet);
      expect(sheet.pages).toBe(spec.items.length);
      const key = compileLatex(examLatex(v, { answers: true }), 'key');
      expectClean(key);
      expect(key.pages).toBeGreaterThanOrEqual(spec.items.length);
    }
  });

  it.runIf(hasPdflatex)('stops pdflatex, naming the character, on a script it has no font for (never drops it)', () => {
    const run = compileLatex(examLatex({ ...variantOf('s01'), title: 'Prüfung 考试' }), 'cjk');
    expect(run.status).not.toBe(0);
    expect(run.log).toMatch(/Unicode character 考 \(U\+8003\)/);
  });

  it.runIf(hasPdflatex)('every generator’s questions and worked steps, at every difficulty, compile', () => {
    const all = readExamSpec(
      {
        title: 'Every question',
        seed: 5,
        items: generators.flatMap((g) => DIFFICULTIES.map((difficulty) => ({ solver: g.id, difficulty, points: 1 }))),
      },
      generators,
    );
    const v = examVariant(registry, generators, all, 'catalog');
    const sheet = compileLatex(examLatex(v), 'all');
    expectClean(sheet);
    expect(sheet.pages).toBe(all.items.length);
    expectClean(compileLatex(examLatex(v, { answers: true }), 'all-key'));
  });
});

/** `dnn exam` end to end (in process): the files of a class, the naming, and the usage and input errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examLatex, examVariant, generators, readExamSpec } from '@dnn/practice';
import { describe, expect, it } from 'vitest';
import { fileStems } from './exam.js';
import { main } from './main.js';
import { registry } from './registry.js';

const spec = {
  title: 'Midterm',
  seed: 2024,
  items: [
    { solver: 'conv/output-shape', difficulty: 'easy', points: 2 },
    { topic: 'rnn', points: 3 },
  ],
};
const dir = () => mkdtempSync(join(tmpdir(), 'dnn-exam-cli-'));
const specFile = join(dir(), 'spec.json');
writeFileSync(specFile, JSON.stringify(spec));

async function dnn(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(registry, args, {
    stdin: (async function* () {})(),
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

describe('dnn exam', () => {
  it('writes 30 LaTeX variants and their keys, each the library’s sheet for that student', async () => {
    const out = dir();
    const r = await dnn(['exam', specFile, '--students', '30', '--format', 'latex', '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`30 variants: wrote 60 files to ${out}\n`);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(60);
    expect(files.slice(0, 4)).toEqual(['s01.key.tex', 's01.tex', 's02.key.tex', 's02.tex']);
    const parsed = readExamSpec(spec, generators);
    expect(readFileSync(join(out, 's17.tex'), 'utf8')).toBe(
      examLatex(examVariant(registry, generators, parsed, 's17')),
    );
    expect(readFileSync(join(out, 's17.key.tex'), 'utf8')).toBe(
      examLatex(examVariant(registry, generators, parsed, 's17'), { answers: true }),
    );
    const sheets = files.filter((f) => !f.includes('.key.')).map((f) => readFileSync(join(out, f), 'utf8'));
    expect(new Set(sheets).size).toBe(30);
  });

  it('names files after a roster’s ids and regenerates the same sheets on a second run', async () => {
    const out = dir();
    const roster = join(out, 'roster.txt');
    writeFileSync(roster, '# 3B\nAda Lovelace\nalan/turing\n');
    const args = ['exam', specFile, '--roster', roster, '--format', 'html', '--out', join(out, 'html')];
    expect((await dnn(args)).code).toBe(0);
    const files = readdirSync(join(out, 'html')).sort();
    expect(files).toEqual(['Ada_Lovelace.html', 'Ada_Lovelace.key.html', 'alan_turing.html', 'alan_turing.key.html']);
    const first = readFileSync(join(out, 'html', 'Ada_Lovelace.html'), 'utf8');
    expect(first).toContain('Student Ada Lovelace');
    expect((await dnn(args)).code).toBe(0);
    expect(readFileSync(join(out, 'html', 'Ada_Lovelace.html'), 'utf8')).toBe(first);
  });

  it('writes Markdown and JSON with the same naming', async () => {
    for (const [format, ext] of [
      ['markdown', 'md'],
      ['json', 'json'],
    ]) {
      const out = dir();
      expect((await dnn(['exam', specFile, '--students', '2', '--format', String(format), '--out', out])).code).toBe(0);
      expect(readdirSync(out).sort()).toEqual([`s01.key.${ext}`, `s01.${ext}`, `s02.key.${ext}`, `s02.${ext}`].sort());
    }
    const out = dir();
    await dnn(['exam', specFile, '--students', '1', '--format', 'json', '--out', out]);
    const key = JSON.parse(readFileSync(join(out, 's01.key.json'), 'utf8'));
    expect(key.questions[0].solution.steps.length).toBeGreaterThan(0);
  });

  it('writes one Moodle XML and one GIFT file with a question bank per student', async () => {
    const out = dir();
    for (const format of ['moodle', 'gift']) {
      const r = await dnn(['exam', specFile, '--students', '3', '--format', format, '--out', out]);
      expect(r.out).toBe(`3 variants: wrote 1 file to ${out}\n`);
    }
    expect(readdirSync(out).sort()).toEqual(['gift.txt', 'moodle.xml']);
    const xml = readFileSync(join(out, 'moodle.xml'), 'utf8');
    const categories = [...xml.matchAll(/<question type="category"><category><text>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(categories).toEqual(['s01', 's02', 's03'].map((s) => `$course$/top/Midterm — ${s}`));
    expect(xml.match(/<question type="(?!category)/g)).toHaveLength(3 * spec.items.length);
    const giftText = readFileSync(join(out, 'gift.txt'), 'utf8');
    expect(giftText.match(/^\$CATEGORY: .*$/gm)).toEqual(categories.map((c) => `$CATEGORY: ${c}`));
  });

  it('refuses two ids that would share a file name', () => {
    expect(() => fileStems(['a b', 'a_b'])).toThrow('roster: "a b" and "a_b" both make the file name a_b');
    expect(fileStems(['.hidden', 'Zoë'])).toEqual(['_hidden', 'Zoë']);
  });

  it.each([
    [['exam', specFile, '--students', '3'], 2, 'give --out DIR'],
    [['exam', specFile, '--out', '/tmp/x'], 2, 'give either --students N or --roster FILE'],
    [['exam', specFile, '--students', '3', '--roster', 'r.txt', '--out', '/tmp/x'], 2, 'give either --students N'],
    [['exam', specFile, '--students', '0', '--out', '/tmp/x'], 2, 'students: must be a whole number from 1 to 1000'],
    [['exam', specFile, '--students', '3', '--format', 'pdf', '--out', '/tmp/x'], 2, '--format must be one of'],
    [['exam', '--students', '3', '--out', '/tmp/x'], 2, 'the exam spec'],
    [
      ['exam', specFile, '--roster', '/nonexistent/roster.txt', '--out', '/tmp/x'],
      2,
      'cannot read /nonexistent/roster.txt',
    ],
  ])('dnn %j exits %i: %s', async (args, code, message) => {
    const r = await dnn(args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  it('names the bad field of a spec', async () => {
    const bad = join(dir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...spec, items: [{ topic: 'rnn', points: -1 }] }));
    const r = await dnn(['exam', bad, '--students', '2', '--out', dir()]);
    expect(r).toMatchObject({ code: 2, err: 'error: items[0].points: must be greater than 0 (got -1)\n' });
  });

  it('runs from the bundled bin', () => {
    const out = dir();
    const bin = fileURLToPath(new URL('../dist/dnn.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'exam', specFile, '--students', '2', '--out', out], {
      encoding: 'utf8',
    });
    expect(r.stdout).toBe(`2 variants: wrote 4 files to ${out}\n`);
    expect(readdirSync(out).sort()).toEqual(['s01.html', 's01.key.html', 's02.html', 's02.key.html']);
  });

  it('documents the naming in --help', async () => {
    const r = await dnn(['exam', '--help']);
    expect(r.out).toContain('<id>.tex,  <id>.key.tex');
    expect(r.out).toContain('moodle.xml');
  });
});

/**
 * The Practice page's state in its URL query, so a link reproduces the
 * question: `?topic=any&id=conv/output-shape&seed=42&difficulty=easy`.
 * `topic` is what "New question" draws from: `any`, a topic (`conv`, `rnn`,
 * `optim`, `logic`) or one problem id; `id` is the drawn problem.
 */
import { DIFFICULTIES, type Difficulty, generators } from '@dnn/practice';
import { findSolver } from '../registry';

/** Every problem with a question generator on the site, in catalog order. */
export const practiceIds: readonly string[] = generators.map((g) => g.id).filter((id) => findSolver(id) !== undefined);

/** The topics: the first part of the ids (`conv`, `rnn`, `optim`, `logic`), in catalog order. */
export const practiceTopics: readonly string[] = [...new Set(practiceIds.map(topicOf))];

/** What to draw questions from: `any`, a topic or one problem id. */
export type Scope = string;

/** The question on the page. */
export interface PracticeState {
  scope: Scope;
  id: string;
  seed: number;
  difficulty: Difficulty;
}

/** The topic of a problem id: `conv/output-shape` → `conv`. */
export function topicOf(id: string): string {
  return id.split('/')[0] ?? id;
}

/** The problem ids a scope draws from (none for an unknown scope). */
export function idsIn(scope: Scope): readonly string[] {
  if (scope === 'any') return practiceIds;
  if (practiceIds.includes(scope)) return [scope];
  return practiceIds.filter((id) => topicOf(id) === scope);
}

/** The problem a seed picks within a scope: deterministic, so `?topic=rnn&seed=7` is a link too. */
export function idFor(scope: Scope, seed: number): string | undefined {
  const ids = idsIn(scope);
  return ids.length === 0 ? undefined : ids[seed % ids.length];
}

/** Seeds are whole numbers below 2³¹ (the generators mix them into 32-bit state). */
const MAX_SEED = 2 ** 31;

/** A fresh random seed, small enough to read aloud. */
export function drawSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 1_000_000);
}

/**
 * Reads the state from a query string. Missing or invalid parts are filled in
 * (`complete` is false then, and the page writes the filled-in query back): a
 * missing scope is the id's topic (else `any`), a missing seed is drawn, an id
 * outside the scope is the one the seed picks, a bad difficulty is `easy`.
 */
export function readQuery(search: string): { state: PracticeState; complete: boolean } {
  const q = new URLSearchParams(search);
  const rawId = q.get('id') ?? '';
  const id = practiceIds.includes(rawId) ? rawId : undefined;
  const rawScope = q.get('topic') ?? '';
  const scope = rawScope === 'any' || idsIn(rawScope).length > 0 ? rawScope : id ? topicOf(id) : 'any';
  const rawSeed = q.get('seed') ?? '';
  const seedOk = /^\d{1,10}$/.test(rawSeed) && Number(rawSeed) < MAX_SEED;
  const seed = seedOk ? Number(rawSeed) : drawSeed();
  const rawDifficulty = q.get('difficulty') ?? '';
  const difficulty = (DIFFICULTIES as readonly string[]).includes(rawDifficulty)
    ? (rawDifficulty as Difficulty)
    : 'easy';
  const inScope = id !== undefined && idsIn(scope).includes(id);
  const chosen = inScope ? id : (idFor(scope, seed) as string);
  const complete = seedOk && inScope && rawScope === scope && rawDifficulty === difficulty;
  return { state: { scope, id: chosen, seed, difficulty }, complete };
}

/** The query string of a state, in a fixed order: `?topic=…&id=…&seed=…&difficulty=…`. */
export function queryOf(state: PracticeState): string {
  const q = new URLSearchParams({
    topic: state.scope,
    id: state.id,
    seed: String(state.seed),
    difficulty: state.difficulty,
  });
  return `?${q.toString().replace(/%2F/g, '/')}`;
}

/** A new question in `scope`: a fresh seed, and the problem that seed picks. */
export function newQuestion(scope: Scope, difficulty: Difficulty, random: () => number = Math.random): PracticeState {
  const seed = drawSeed(random);
  return { scope, id: idFor(scope, seed) ?? (practiceIds[0] as string), seed, difficulty };
}

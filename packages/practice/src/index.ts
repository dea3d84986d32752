/**
 * @dnn/practice — seeded exam-question generators and a partial-credit grader
 * for the dnn-solvers catalog.
 * @packageDocumentation
 */
import type { Generator } from './generator.js';
import { convOutputShapeGenerator, convOutputShapeRubric } from './generators/conv-output-shape.js';
import type { Rubric } from './rubric.js';

export { DEFAULT_TOLERANCE, getPath, readNumber, score, type Tolerance } from './compare.js';
export {
  DIFFICULTIES,
  type Difficulty,
  defineGenerator,
  type Exercise,
  type Generator,
  generateExercise,
} from './generator.js';
export { defaultRubric, type FieldGrade, type Grade, grade } from './grade.js';
export { createRng, type Rng } from './rng.js';
export { channelsLast, defineRubric, type Rubric, type RubricField } from './rubric.js';

/** Every question generator, one per solver id. */
export const generators: readonly Generator[] = [convOutputShapeGenerator];

/** Every solver's grading weights (solvers without one get a point per answer field). */
export const rubrics: readonly Rubric[] = [convOutputShapeRubric];

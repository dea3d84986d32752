/**
 * @dnn/practice — seeded exam-question generators and a partial-credit grader
 * for the dnn-solvers catalog.
 * @packageDocumentation
 */
import type { Generator } from './generator.js';
import { convBackpropGenerator, convBackpropRubric } from './generators/conv-backprop.js';
import { convBatchnormGenerator, convBatchnormRubric } from './generators/conv-batchnorm.js';
import { convDesignKernelGenerator, convDesignKernelRubric } from './generators/conv-design-kernel.js';
import { convForwardGenerator, convForwardRubric } from './generators/conv-forward.js';
import { convInitVarianceGenerator, convInitVarianceRubric } from './generators/conv-init-variance.js';
import { convKernelEffectGenerator, convKernelEffectRubric } from './generators/conv-kernel-effect.js';
import { convOutputShapeGenerator, convOutputShapeRubric } from './generators/conv-output-shape.js';
import { convPoolGenerator, convPoolRubric } from './generators/conv-pool.js';
import { convReceptiveFieldGenerator, convReceptiveFieldRubric } from './generators/conv-receptive-field.js';
import { convSolveKernelGenerator, convSolveKernelRubric } from './generators/conv-solve-kernel.js';
import { convSummaryGenerator, convSummaryRubric } from './generators/conv-summary.js';
import { logicMlpGenerator, logicMlpRubric } from './generators/logic-mlp.js';
import { logicPerceptronGenerator, logicPerceptronRubric } from './generators/logic-perceptron.js';
import { logicPerceptronTrainGenerator, logicPerceptronTrainRubric } from './generators/logic-perceptron-train.js';
import { logicRegionMlpGenerator } from './generators/logic-region-mlp.js';
import { logicXorParityGenerator, logicXorParityRubric } from './generators/logic-xor-parity.js';
import { optimBatchesGenerator, optimBatchesRubric } from './generators/optim-batches.js';
import { optimCriticalPointsGenerator, optimCriticalPointsRubric } from './generators/optim-critical-points.js';
import { optimDerivativeGenerator, optimDerivativeRubric } from './generators/optim-derivative.js';
import { optimDivergenceGenerator, optimDivergenceRubric } from './generators/optim-divergence.js';
import { optimDropoutGenerator, optimDropoutRubric } from './generators/optim-dropout.js';
import { optimGradientGenerator, optimGradientRubric } from './generators/optim-gradient.js';
import { optimHessianGenerator, optimHessianRubric } from './generators/optim-hessian.js';
import { optimLearningRateGenerator, optimLearningRateRubric } from './generators/optim-learning-rate.js';
import { optimLossGenerator, optimLossRubric } from './generators/optim-loss.js';
import { optimMlpStepGenerator, optimMlpStepRubric } from './generators/optim-mlp-step.js';
import { optimRegularizationGenerator, optimRegularizationRubric } from './generators/optim-regularization.js';
import { optimSoftmaxGenerator, optimSoftmaxRubric } from './generators/optim-softmax.js';
import { optimStepGenerator, optimStepRubric } from './generators/optim-step.js';
import { rnnBpttGenerator, rnnBpttRubric } from './generators/rnn-bptt.js';
import { rnnForwardGenerator, rnnForwardRubric } from './generators/rnn-forward.js';
import { rnnGradientFlowGenerator, rnnGradientFlowRubric } from './generators/rnn-gradient-flow.js';
import { rnnLstmForwardGenerator, rnnLstmForwardRubric } from './generators/rnn-lstm-forward.js';
import { rnnParamsGenerator, rnnParamsRubric } from './generators/rnn-params.js';
import { rnnSolveHiddenSizeGenerator, rnnSolveHiddenSizeRubric } from './generators/rnn-solve-hidden-size.js';
import { regionMlpRubric } from './region-mlp-rubric.js';
import type { Rubric } from './rubric.js';

export {
  type AnswerRow,
  BATCH_LIMITS,
  type RowError,
  readCsvRows,
  readJsonLinesRows,
} from './batch-rows.js';
export { DEFAULT_TOLERANCE, getPath, readNumber, type ScoreOptions, score, type Tolerance } from './compare.js';
export { examBanks } from './exam/banks.js';
export { EXAM_CSS, type ExamHtmlOptions, escapeHtml, examHtml } from './exam/html.js';
export { type ExamJson, type ExamJsonQuestion, examJson } from './exam/json.js';
export { type ExamLatexOptions, examLatex } from './exam/latex.js';
export { examMarkdown } from './exam/markdown.js';
export { type ExamItem, type ExamSpec, readExamSpec, topicsOf } from './exam/spec.js';
export { MAX_STUDENTS, readRoster, studentIds } from './exam/students.js';
export { type ExamQuestion, type ExamVariant, examVariant } from './exam/variant.js';
export {
  DIFFICULTIES,
  type Difficulty,
  defineGenerator,
  type Exercise,
  type Generator,
  generateExercise,
} from './generator.js';
export { defaultRubric, type FieldGrade, type Grade, grade } from './grade.js';
export {
  type BatchGradingContext,
  type BatchResult,
  type GradebookRow,
  type GradedQuestion,
  gradeBatch,
  gradeRows,
  type StudentFeedback,
} from './gradebook.js';
export { type BankQuestion, gift, moodleXml, type QuestionBank } from './lms/index.js';
export { ANSWER_LIMITS, readStudentList, readStudentNumber } from './read-answer.js';
export { createRng, type Rng } from './rng.js';
export {
  anyOrder,
  channelsLast,
  channelsLastEach,
  defineRubric,
  flatSingles,
  isPartialForm,
  type Judgement,
  LAYOUT_CREDIT,
  type PartialForm,
  partialForm,
  type Rubric,
  type RubricField,
  squeezed,
  stringSetScore,
  transposed,
  transposedWeights,
} from './rubric.js';

/** Every question generator, one per solver id, in catalog order. */
export const generators: readonly Generator[] = [
  convOutputShapeGenerator,
  convSummaryGenerator,
  convReceptiveFieldGenerator,
  convForwardGenerator,
  convPoolGenerator,
  convSolveKernelGenerator,
  convKernelEffectGenerator,
  convBatchnormGenerator,
  convInitVarianceGenerator,
  convBackpropGenerator,
  convDesignKernelGenerator,
  rnnParamsGenerator,
  rnnSolveHiddenSizeGenerator,
  rnnForwardGenerator,
  rnnBpttGenerator,
  rnnLstmForwardGenerator,
  rnnGradientFlowGenerator,
  optimGradientGenerator,
  optimHessianGenerator,
  optimStepGenerator,
  optimLearningRateGenerator,
  optimLossGenerator,
  optimSoftmaxGenerator,
  optimDivergenceGenerator,
  optimMlpStepGenerator,
  optimBatchesGenerator,
  optimDropoutGenerator,
  optimRegularizationGenerator,
  optimDerivativeGenerator,
  optimCriticalPointsGenerator,
  logicPerceptronGenerator,
  logicMlpGenerator,
  logicPerceptronTrainGenerator,
  logicXorParityGenerator,
  logicRegionMlpGenerator,
];

/** Every solver's grading weights (solvers without one get a point per answer field), in catalog order. */
export const rubrics: readonly Rubric[] = [
  convOutputShapeRubric,
  convSummaryRubric,
  convReceptiveFieldRubric,
  convForwardRubric,
  convPoolRubric,
  convSolveKernelRubric,
  convKernelEffectRubric,
  convBatchnormRubric,
  convInitVarianceRubric,
  convBackpropRubric,
  convDesignKernelRubric,
  rnnParamsRubric,
  rnnSolveHiddenSizeRubric,
  rnnForwardRubric,
  rnnBpttRubric,
  rnnLstmForwardRubric,
  rnnGradientFlowRubric,
  optimGradientRubric,
  optimHessianRubric,
  optimStepRubric,
  optimLearningRateRubric,
  optimLossRubric,
  optimSoftmaxRubric,
  optimDivergenceRubric,
  optimMlpStepRubric,
  optimBatchesRubric,
  optimDropoutRubric,
  optimRegularizationRubric,
  optimDerivativeRubric,
  optimCriticalPointsRubric,
  logicPerceptronRubric,
  logicMlpRubric,
  logicPerceptronTrainRubric,
  logicXorParityRubric,
  regionMlpRubric,
];

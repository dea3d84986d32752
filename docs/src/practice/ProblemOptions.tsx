/** The options of a "topic or problem" select, grouped by topic: the practice page's and the exam form's. */
import { findSolver, packageOf, solverPackages } from '../registry';
import { idsIn, practiceTopics } from './query';

/** A topic's heading, from its package (`conv` → "Convolutions and CNN architectures"). */
function topicName(topic: string): string {
  const pkg = packageOf(idsIn(topic)[0] ?? '');
  return solverPackages.find((p) => p.name === pkg)?.topic ?? topic;
}

/**
 * Per topic an optgroup: "Any <topic> problem" (value `topicValue(topic)`), then each problem with a
 * generator (value `problemValue(id)`, labelled with the solver's title).
 */
export default function ProblemOptions({
  topicValue = (t) => t,
  problemValue = (id) => id,
  anyLabel = (t) => `Any ${t} problem`,
}: {
  topicValue?: (topic: string) => string;
  problemValue?: (id: string) => string;
  anyLabel?: (topic: string) => string;
}) {
  return (
    <>
      {practiceTopics.map((topic) => (
        <optgroup key={topic} label={topicName(topic)}>
          <option value={topicValue(topic)}>{anyLabel(topic)}</option>
          {idsIn(topic).map((id) => (
            <option key={id} value={problemValue(id)}>
              {id} — {findSolver(id)?.title ?? id}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** The select of a question's difficulty (easy, medium, hard): the practice page's and the exam form's. */
import { DIFFICULTIES, type Difficulty } from '@dnn/practice';

/** A difficulty select; label it with a `<label htmlFor={id}>`. */
export default function DifficultySelect({
  id,
  value,
  onChange,
  name,
}: {
  id: string;
  value: Difficulty;
  onChange: (difficulty: Difficulty) => void;
  name?: string;
}) {
  return (
    <select
      id={id}
      className="dnn-input"
      name={name}
      value={value}
      onChange={(e) => onChange(e.target.value as Difficulty)}
    >
      {DIFFICULTIES.map((d) => (
        <option key={d} value={d}>
          {d}
        </option>
      ))}
    </select>
  );
}

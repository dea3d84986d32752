/**
 * Answer fields shared by the logic/* solvers: threshold networks and their size.
 */
import { a } from '@dnn/core';

/** How a unit of a boolean threshold network fires (the input fields `fireWhen` and `encoding`). */
const FIRING = 'A unit outputs 1 when w·x + b > 0 (≥ 0 with fireWhen ">=0"), else 0 (−1 with bipolar encoding).';

/** Layers of threshold units for a boolean function, input side first, with the firing rule of the input. */
export const thresholdNetwork = (title: string, what: string) =>
  a.network(title, `${what} weights[unit][input], bias[unit]. ${FIRING}`);

/** Number of threshold units of a network. */
export const perceptronsField = a.count('Perceptrons', 'Threshold units in the network, hidden and output.');

/** Number of layers of units of a network. */
export const depthField = a.count('Depth', 'Layers of units, hidden and output (the inputs are not a layer).');

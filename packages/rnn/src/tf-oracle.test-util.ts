/** TensorFlow.js (CPU backend) as an independent oracle for the rnn/* property tests. */
import * as tf from '@tensorflow/tfjs';

await tf.setBackend('cpu');

export { tf };

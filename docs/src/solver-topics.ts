/** The solver packages in catalog order, with the topic of each (plain data: safe to import anywhere, Node tests included). */

/** Solver packages in catalog order, with their topic. */
export const packageTopics = [
  { name: '@dnn/conv', topic: 'Convolutions and CNN architectures' },
  { name: '@dnn/rnn', topic: 'Recurrent networks' },
  { name: '@dnn/optim', topic: 'Optimisation and backprop' },
  { name: '@dnn/logic-nets', topic: 'Perceptrons and logic networks' },
] as const;

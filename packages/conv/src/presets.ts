/**
 * Named architectures of conv/summary's `preset`: torchvision's layer lists
 * of AlexNet and VGG (torchvision/models/alexnet.py and vgg.py, 1000
 * classes) and LeNet-5 as courses teach it.
 */
import type { z } from '@dnn/core';
import type { layerSpec } from './layer-specs.js';

/** The preset names, in the catalog's order. */
export const PRESET_NAMES = ['lenet5', 'alexnet', 'vgg11', 'vgg16', 'vgg16-bn', 'vgg19'] as const;

/** A preset name. */
export type PresetName = (typeof PRESET_NAMES)[number];

type Layer = z.input<typeof layerSpec>;

/** A preset: its default input, its layers, and what it follows. */
export interface Preset {
  input: number[];
  layers: Layer[];
  /** Where the layer list comes from, for the steps and notes. */
  source: string;
}

const relu: Layer = { type: 'relu' };
const dropout: Layer = { type: 'dropout', p: 0.5 };
const flatten: Layer = { type: 'flatten' };

/** torchvision's VGG configurations: numbers are 3×3 convs (padding 1) with that many filters, M a 2×2 max-pool. */
const VGG_CFG: Record<'vgg11' | 'vgg16' | 'vgg19', (number | 'M')[]> = {
  vgg11: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  vgg16: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  vgg19: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
};

/** torchvision's `make_layers` + `VGG`: features, AdaptiveAvgPool2d((7, 7)), the 4096–4096–1000 classifier. */
function vgg(cfg: (number | 'M')[], batchNorm: boolean): Layer[] {
  const features = cfg.flatMap((c): Layer[] =>
    c === 'M'
      ? [{ type: 'maxpool2d', kernel: 2, stride: 2 }]
      : [
          { type: 'conv2d', outChannels: c, kernel: 3, padding: 1 },
          ...(batchNorm ? [{ type: 'batchnorm' } as const] : []),
          relu,
        ],
  );
  return [
    ...features,
    { type: 'adaptiveavgpool2d', outputSize: 7 },
    flatten,
    { type: 'dense', units: 4096 },
    relu,
    dropout,
    { type: 'dense', units: 4096 },
    relu,
    dropout,
    { type: 'dense', units: 1000 },
  ];
}

/** torchvision's `AlexNet` (the one-GPU variant of the paper, 64–192–384–256–256 filters). */
const ALEXNET: Layer[] = [
  { type: 'conv2d', outChannels: 64, kernel: 11, stride: 4, padding: 2 },
  relu,
  { type: 'maxpool2d', kernel: 3, stride: 2 },
  { type: 'conv2d', outChannels: 192, kernel: 5, padding: 2 },
  relu,
  { type: 'maxpool2d', kernel: 3, stride: 2 },
  { type: 'conv2d', outChannels: 384, kernel: 3, padding: 1 },
  relu,
  { type: 'conv2d', outChannels: 256, kernel: 3, padding: 1 },
  relu,
  { type: 'conv2d', outChannels: 256, kernel: 3, padding: 1 },
  relu,
  { type: 'maxpool2d', kernel: 3, stride: 2 },
  { type: 'adaptiveavgpool2d', outputSize: 6 },
  flatten,
  dropout,
  { type: 'dense', units: 4096 },
  relu,
  dropout,
  { type: 'dense', units: 4096 },
  relu,
  { type: 'dense', units: 1000 },
];

/** LeNet-5 as taught: C1 6@5×5, S2 avg 2, C3 16@5×5 (every map connected), S4, C5 120@5×5, F6 84, 10 outputs; tanh. */
const LENET5: Layer[] = [
  { type: 'conv2d', outChannels: 6, kernel: 5, activation: 'tanh', name: 'C1' },
  { type: 'avgpool2d', kernel: 2, name: 'S2' },
  { type: 'conv2d', outChannels: 16, kernel: 5, activation: 'tanh', name: 'C3' },
  { type: 'avgpool2d', kernel: 2, name: 'S4' },
  { type: 'conv2d', outChannels: 120, kernel: 5, activation: 'tanh', name: 'C5' },
  flatten,
  { type: 'dense', units: 84, activation: 'tanh', name: 'F6' },
  { type: 'dense', units: 10, name: 'output' },
];

const TORCHVISION = 'torchvision.models';

/** The layer list and default input of a preset. */
export function preset(name: PresetName): Preset {
  const image = [3, 224, 224];
  switch (name) {
    case 'lenet5':
      return {
        input: [1, 32, 32],
        layers: LENET5,
        source:
          'LeNet-5 (LeCun et al. 1998) as courses teach it: C3 connected to all 6 maps (the paper connects 60 of 96 pairs), S2/S4 plain 2×2 average pooling (the paper’s have a trainable weight and bias per map), a dense 10-way output (the paper’s is RBF units)',
      };
    case 'alexnet':
      return { input: image, layers: ALEXNET, source: `${TORCHVISION}.alexnet` };
    case 'vgg16-bn':
      return { input: image, layers: vgg(VGG_CFG.vgg16, true), source: `${TORCHVISION}.vgg16_bn` };
    default:
      return { input: image, layers: vgg(VGG_CFG[name], false), source: `${TORCHVISION}.${name}` };
  }
}

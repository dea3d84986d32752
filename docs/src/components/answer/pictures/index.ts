/**
 * The pictures of the answer kinds that deserve one: the answer view mounts
 * `PICTURES[kind]` (when present) with the field's {@link KindProps}. Every
 * picture is an SVG figure with `data-picture="<kind>"` on its root, an
 * accessible description, and styles from pictures.css (light and dark).
 */
import type { AnswerKind } from '@dnn/core';
import type { ComponentType } from 'react';
import type { KindProps } from '../types';
import ComputationGraph from './ComputationGraph';
import FeatureMaps from './FeatureMaps';
import NetworkPicture from './NetworkPicture';
import RegionPicture from './RegionPicture';
import TrajectoryPath from './TrajectoryPath';
import './pictures.css';

/** The picture of each kind that has one; a picture renders nothing when its value does not fit it. */
export const PICTURES: Partial<Record<AnswerKind, ComponentType<KindProps>>> = {
  graph: ComputationGraph,
  network: NetworkPicture,
  region: RegionPicture,
  tensor: FeatureMaps,
  trajectory: TrajectoryPath,
};

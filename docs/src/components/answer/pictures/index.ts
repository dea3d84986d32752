/**
 * The pictures of the answer kinds that deserve one: the answer view mounts
 * `PICTURES[kind]` (when present) with the field's {@link KindProps}. Every
 * picture is an SVG figure with `data-picture="<kind>"` on its root, an
 * accessible description, and styles from pictures.css (light and dark).
 */
import type { AnswerKind } from '@dnn/core';
import { type ComponentType, lazy } from 'react';
import type { KindProps } from '../types';
import ComputationGraph from './ComputationGraph';
import FeatureMaps from './FeatureMaps';
import NetworkPicture from './NetworkPicture';
import RegionPicture from './RegionPicture';
import './pictures.css';

/**
 * The trajectory picture evaluates the objective with @dnn/core's expression
 * reader, so it loads as its own chunk (named for the site-weight plugin, which
 * keeps it out of the solver-library chunk): the other pages never load it and
 * optim/step's page does not load the solver library on its main thread.
 * The prerender waits for it, and hydration keeps the prerendered picture
 * until the chunk has arrived.
 */
const TrajectoryPath = lazy(() => import(/* webpackChunkName: "trajectory-picture" */ './TrajectoryPath'));

/** The picture of each kind that has one; a picture renders nothing when its value does not fit it. */
export const PICTURES: Partial<Record<AnswerKind, ComponentType<KindProps>>> = {
  graph: ComputationGraph,
  network: NetworkPicture,
  region: RegionPicture,
  tensor: FeatureMaps,
  trajectory: TrajectoryPath,
};

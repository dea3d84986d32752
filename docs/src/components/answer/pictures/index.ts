/** Pictures of answer kinds, mounted by the answer view (kinds.tsx) beside the numbers. */
import type { AnswerKind } from '@dnn/core';
import type { ComponentType } from 'react';
import type { KindProps } from '../types';

/** The picture component of each answer kind that has one. */
export const PICTURES: Partial<Record<AnswerKind, ComponentType<KindProps>>> = {};

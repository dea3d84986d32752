/**
 * Worked steps for the optimizer rules of optimizers.ts: the rule once, then
 * each parameter's update with the numbers substituted (gradient, moments,
 * bias-corrected moments, update), the way a grader writes them.
 */
import { add, eq, frac, mul, num, paren, pow, rel, type Step, step, sub, sym, type Tex, tex } from '@dnn/core';
import type { OptimizerConfig, ParamStepDetail } from './optimizers.js';

const root = (x: Tex): Tex => tex(`√${x.prec === 'atom' ? x.text : `(${x.text})`}`, `\\sqrt{${x.latex}}`);
const sq = (x: Tex | number): Tex => pow(x, 2);
/** Rprop's step size Δ. */
const DELTA = tex('Δ', '\\Delta');
/** θ′, the parameter after the step. */
const thetaNew = tex('θ′', "\\theta'");
/** A parameter's name after the step: `w1′`. */
const newName = (name: string): Tex =>
  tex(`${name}′`, `${name.length > 1 ? `\\mathit{${name.replace(/_/g, '\\_')}}` : name}'`);

/** The denominator √x + ε or √(x + ε), symbolic or with numbers. */
function denominator(config: OptimizerConfig, x: Tex, eps: Tex): Tex {
  return config.epsPlacement === 'inside' ? root(add(x, eps)) : add(root(x), eps);
}

/** The rule of `config` as formulas (one step, before any numbers). */
export function ruleSteps(config: OptimizerConfig): Step[] {
  const g = sym('g');
  const eta = sym('η');
  const eps = sym('ε');
  const theta = sym('θ');
  const l2 =
    config.weightDecay > 0 && config.optimizer !== 'adamw'
      ? [step('L2 weight decay is added to the gradient', eq(g, add(sym('∂f/∂θ'), mul(config.weightDecay, theta))))]
      : [];
  const rule = (title: string, ...maths: Tex[]) => [...l2, step(title, ...maths)];
  switch (config.optimizer) {
    case 'sgd':
      return rule('SGD rule', eq(thetaNew, sub(theta, mul(eta, g))));
    case 'momentum':
      return config.momentumForm === 'classic'
        ? rule(
            'Momentum, classic form (v₀ = 0)',
            eq(sym('v'), sub(mul(sym('μ'), sym('v')), mul(eta, g))),
            eq(thetaNew, add(theta, sym('v'))),
          )
        : rule(
            'Momentum, PyTorch form (v₀ = 0)',
            eq(sym('v'), add(mul(sym('μ'), sym('v')), g)),
            eq(thetaNew, sub(theta, mul(eta, sym('v')))),
          );
    case 'nesterov':
      return config.momentumForm === 'classic'
        ? rule(
            'Nesterov momentum, classic form (Bengio’s reformulation, v₀ = 0)',
            eq(sym('v'), sub(mul(sym('μ'), sym('v')), mul(eta, g))),
            eq(thetaNew, sub(add(theta, mul(sym('μ'), sym('v'))), mul(eta, g))),
          )
        : rule(
            'Nesterov momentum, PyTorch form (v₀ = 0)',
            eq(sym('v'), add(mul(sym('μ'), sym('v')), g)),
            eq(thetaNew, sub(theta, mul(eta, paren(add(g, mul(sym('μ'), sym('v'))))))),
          );
    case 'adagrad':
      return rule(
        'Adagrad (G₀ = 0)',
        eq(sym('G'), add(sym('G'), sq(g))),
        eq(thetaNew, sub(theta, frac(mul(eta, g), denominator(config, sym('G'), eps)))),
      );
    case 'rmsprop':
      return rule(
        'RMSprop (v₀ = 0)',
        eq(sym('v'), add(mul(sym('α'), sym('v')), mul(paren(sub(1, sym('α'))), sq(g)))),
        eq(thetaNew, sub(theta, frac(mul(eta, g), denominator(config, sym('v'), eps)))),
      );
    case 'adam':
    case 'adamw': {
      const hat = config.biasCorrection;
      const m = hat ? sym('m̂') : sym('m');
      const v = hat ? sym('v̂') : sym('v');
      const mHat = tex('m̂', '\\hat{m}');
      const vHat = tex('v̂', '\\hat{v}');
      const update = frac(mul(eta, hat ? mHat : m), denominator(config, hat ? vHat : v, eps));
      return [
        ...l2,
        step(
          `${config.optimizer === 'adamw' ? 'AdamW' : 'Adam'} moments (m₀ = v₀ = 0)`,
          eq(sym('m'), add(mul(sym('β_1'), sym('m')), mul(paren(sub(1, sym('β_1'))), g))),
          eq(sym('v'), add(mul(sym('β_2'), sym('v')), mul(paren(sub(1, sym('β_2'))), sq(g)))),
        ),
        ...(hat
          ? [
              step(
                'Bias correction (t = step number)',
                eq(mHat, frac(sym('m'), sub(1, pow(sym('β_1'), 't')))),
                eq(vHat, frac(sym('v'), sub(1, pow(sym('β_2'), 't')))),
              ),
            ]
          : []),
        step(
          'Update',
          eq(
            thetaNew,
            config.optimizer === 'adamw' ? sub(sub(theta, mul(eta, sym('λ_wd'), theta)), update) : sub(theta, update),
          ),
        ),
      ];
    }
    case 'rprop':
      return [
        ...l2,
        step(
          'Rprop (PyTorch): the step size Δ (Δ₀ = stepInit) grows by η⁺ when g·g_prev > 0 and shrinks by η⁻ when g·g_prev < 0 — then g counts as 0, θ stays and g_prev = 0; Δ stays within [stepMin, stepMax]',
          eq(thetaNew, sub(sym('θ'), mul(tex('sign(g)', '\\operatorname{sign}(g)'), DELTA))),
        ),
      ];
  }
}

/** The buffers of one parameter before the step (what the substituted formulas read). */
export type BuffersBefore = Record<string, number>;

/** Steps for one parameter's update with the numbers substituted. */
export function paramUpdateSteps(
  config: OptimizerConfig,
  t: number,
  name: string,
  theta: number,
  before: BuffersBefore,
  d: ParamStepDetail,
): Step[] {
  const { lr, eps } = config;
  const q = d.quantities;
  const title = (what: string) => `Step ${t}, ${name}: ${what}`;
  const out: Step[] = [];
  const decayed = config.weightDecay > 0 && config.optimizer !== 'adamw';
  // The gradient the rule reads (L2 decay included); rprop may then zero it on a sign flip.
  const gEff = decayed ? d.grad + config.weightDecay * theta : d.grad;
  if (decayed) {
    out.push(
      step(
        title('gradient with L2 decay'),
        eq(sym('g'), add(sym('∂f/∂θ'), mul(sym('wd'), sym('θ'))), add(d.grad, mul(config.weightDecay, theta)), gEff),
      ),
    );
  }
  const g = num(gEff);
  const result = (x: number) => num(x);
  switch (config.optimizer) {
    case 'sgd':
      out.push(step(title('update'), eq(newName(name), sub(theta, mul(lr, g)), result(d.value))));
      break;
    case 'momentum':
    case 'nesterov': {
      const mu = config.momentum ?? 0;
      const classic = config.momentumForm === 'classic';
      const v = q.v as number;
      out.push(
        step(
          title('velocity'),
          eq(sym('v'), classic ? sub(mul(mu, before.v ?? 0), mul(lr, g)) : add(mul(mu, before.v ?? 0), g), v),
        ),
      );
      const upd =
        config.optimizer === 'momentum'
          ? classic
            ? add(theta, v)
            : sub(theta, mul(lr, v))
          : classic
            ? sub(add(theta, mul(mu, v)), mul(lr, g))
            : sub(theta, mul(lr, paren(add(g, mul(mu, v)))));
      out.push(step(title('update'), eq(newName(name), upd, result(d.value))));
      break;
    }
    case 'adagrad':
    case 'rmsprop': {
      const key = config.optimizer === 'adagrad' ? 'G' : 'v';
      const acc = q[key] as number;
      const accTex =
        config.optimizer === 'adagrad'
          ? add(before.G ?? 0, sq(g))
          : add(mul(config.alpha, before.v ?? 0), mul(1 - config.alpha, sq(g)));
      out.push(
        step(
          title(config.optimizer === 'adagrad' ? 'sum of squared gradients' : 'mean square'),
          eq(sym(key), accTex, acc),
        ),
      );
      out.push(
        step(
          title('update'),
          eq(newName(name), sub(theta, frac(mul(lr, g), denominator(config, num(acc), num(eps)))), result(d.value)),
        ),
      );
      break;
    }
    case 'adam':
    case 'adamw': {
      const { beta1: b1, beta2: b2 } = config;
      out.push(
        step(
          title('moments'),
          eq(sym('m'), add(mul(b1, before.m ?? 0), mul(1 - b1, g)), q.m as number),
          eq(sym('v'), add(mul(b2, before.v ?? 0), mul(1 - b2, sq(g))), q.v as number),
        ),
      );
      if (config.biasCorrection) {
        out.push(
          step(
            title('bias-corrected moments'),
            eq(tex('m̂', '\\hat{m}'), frac(q.m as number, sub(1, pow(b1, t))), q.mHat as number),
            eq(tex('v̂', '\\hat{v}'), frac(q.v as number, sub(1, pow(b2, t))), q.vHat as number),
          ),
        );
      }
      const adamPart = frac(mul(lr, q.mHat as number), denominator(config, num(q.vHat as number), num(eps)));
      const upd =
        config.optimizer === 'adamw'
          ? sub(sub(theta, mul(lr, config.weightDecay, theta)), adamPart)
          : sub(theta, adamPart);
      out.push(step(title('update'), eq(newName(name), upd, result(d.value))));
      break;
    }
    case 'rprop': {
      const prev = before.prevGrad ?? 0;
      const size = q.stepSize as number;
      const product = gEff * prev;
      const sizeBefore = before.stepSize ?? config.stepInit;
      const sign = product > 0 ? '>' : product < 0 ? '<' : '=';
      const sizeTex =
        product > 0
          ? eq(DELTA, mul(sizeBefore, config.etaPlus), size)
          : product < 0
            ? eq(DELTA, mul(sizeBefore, config.etaMinus), size)
            : eq(DELTA, size);
      out.push(
        step(
          title(
            product > 0
              ? 'same sign as last time, so the step grows'
              : product < 0
                ? 'the sign flipped, so the step shrinks, g counts as 0 and θ stays'
                : 'no previous sign to compare (first step or after a flip), so the step is kept',
          ),
          rel(sign, sign, [eq(sym('g·g_prev'), mul(g, prev)), 0]),
          sizeTex,
        ),
      );
      out.push(step(title('update'), eq(newName(name), sub(theta, mul(Math.sign(d.g), size)), result(d.value))));
      break;
    }
  }
  return out;
}

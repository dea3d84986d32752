// TypeDoc plugin: names each entry point's module after its package
// (packages/conv/src/index.ts → @dnn/conv), so one TypeScript program can
// document every package (much faster than one program per package).
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const child of context.project.children ?? []) {
      const match = /([\w-]+)\/src(?:\/index)?$/.exec(child.name);
      if (child.kindOf(ReflectionKind.Module) && match) child.name = `@dnn/${match[1]}`;
    }
  });
}

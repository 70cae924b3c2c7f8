import type { OptionEncoding, PortMethod } from '../src/model/domain-model.js';
import type { ImportSet } from '../src/render/imports.js';
import type { ModuleSpecifiers } from '../src/render/module-specifiers.js';

/**
 * An Option-returning method's two cases, as TypeScript: `found(expression)` wraps what was found (`Some(x)`,
 * `O.some(x)`), `missing` stands for nothing (`None`, `Option.none()`). For `T | null` and `T | undefined` they are
 * the expression itself and `null`/`undefined`, so the templates read the same for every encoding.
 */
export interface AbsentCases {
  found: (expression: string) => string;
  missing: string;
}

export function absentCases(method: PortMethod, absent: string): AbsentCases {
  const option = method.returns.option;
  if (absent !== 'option' || !option) return { found: (expression) => expression, missing: absent };
  return { found: (expression) => option.some.replace('$value', expression), missing: option.none };
}

/** The wrapper's imports, as the port's file has them, and the exports the given role's expressions call. */
export function addOptionImports(
  imports: ImportSet,
  specifiers: ModuleSpecifiers,
  fromFile: string,
  option: OptionEncoding,
  role: keyof OptionEncoding['values'] | 'signature',
): void {
  const from = 'file' in option.module ? specifiers.source(fromFile, option.module.file) : option.module.specifier;
  const { imported, local } = option.binding;
  if (role === 'signature') {
    // A stub only names the type.
    if (imported === '*') imports.addNamespace(from, local);
    else imports.add(from, imported === local ? local : `${imported} as ${local}`, { typeOnly: true });
    return;
  }
  const expressions = role === 'repository' ? [option.some, option.none] : [option.isSome, option.get];
  // The binding is a value when the expressions call through it (`Option.some`, `Maybe.none()`); the repositories' signatures name it as a type.
  const asValue = expressions.some((e) => e.includes(`${local}.`));
  if (imported === '*') {
    if (role === 'repository' || asValue) imports.addNamespace(from, local);
  } else if (role === 'repository' || asValue) {
    imports.add(from, imported === local ? local : `${imported} as ${local}`, { typeOnly: !asValue });
  }
  for (const name of option.values[role]) imports.add(from, name);
}

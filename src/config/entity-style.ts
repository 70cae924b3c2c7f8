import type { ts } from 'ts-morph';

/**
 * How the generated entities tell TypeORM their tables: `class`, decorated classes (`@Entity`, `@Column`), which
 * need TypeScript's legacy decorators (`experimentalDecorators`); `schema`, a plain row class plus an
 * `EntitySchema` object, which compiles under any settings (TypeScript 5's standard decorators, or none).
 */
export const ENTITY_STYLES = ['class', 'schema'] as const;
export type EntityStyle = (typeof ENTITY_STYLES)[number];

/** The style, and where gen learnt it, for messages and the plan. */
export interface EntityStyleChoice {
  style: EntityStyle;
  from: string;
}

export function isEntityStyle(value: unknown): value is EntityStyle {
  return (ENTITY_STYLES as readonly unknown[]).includes(value);
}

/**
 * `--entity-style` if given; else gen.config.json's `entityStyle`; else what the project's tsconfig compiles:
 * decorated classes only where it enables `experimentalDecorators` (TypeORM's decorators are legacy ones, which
 * TypeScript 5's standard decorators reject), an EntitySchema everywhere else, a project without tsconfig included.
 */
export function entityStyle(
  tsconfig: ts.ParsedCommandLine | undefined,
  configured?: EntityStyle,
  override?: EntityStyle,
): EntityStyleChoice {
  if (override) return { style: override, from: '--entity-style' };
  if (configured) return { style: configured, from: 'gen.config.json' };
  if (!tsconfig) return { style: 'schema', from: 'no tsconfig.json (so no experimentalDecorators)' };
  return tsconfig.options.experimentalDecorators === true
    ? { style: 'class', from: 'tsconfig.json (experimentalDecorators)' }
    : { style: 'schema', from: 'tsconfig.json (no experimentalDecorators)' };
}

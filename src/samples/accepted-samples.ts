import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { queriesSamples } from '../../generators/queries-test.js';
import { inPlaceDates, repositorySamples, wrappingParameters } from '../../generators/repository-test.js';
import { columnAssignments, intoCollection, rehydrationCall, type MapperLocal } from '../render/conversions.js';
import {
  CHILD_SAMPLES,
  LARGE_COLLECTION,
  listShapeKey,
  MISSING_VARIANT,
  partsOwner,
  type RawSample,
  type SampleChoices,
  type SampleSet,
} from '../../generators/test-samples.js';
import type { SampleConfig } from '../config/project-config.js';
import { GenError, type SourceLocation } from '../errors.js';
import { kebabCase } from '../map/naming.js';
import type { FieldMapping, PersistenceModel } from '../map/persistence-model.js';
import type { FieldModel, ValueType } from '../model/domain-model.js';
import { DomainProbe, type ProbeModule, type ProbeResult, type ReadValue } from './domain-probe.js';
import { sampleCandidates, type SampleSlot } from './sample-candidates.js';

/** A slot with what the sample builders need: the field's mapping (one element of a list), and its variants. */
interface SampledField {
  slot: SampleSlot;
  mapping: FieldMapping;
  variants: number[];
  location: SourceLocation;
}

/** Rounds of changing one refused field of a refused aggregate: enough for every field of a wide one to need it. */
const MAX_ROUNDS = 12;
/** Passes of replacing samples by the form the domain stores them in: one, and one more for a value two fields normalise alike. */
const MAX_NORMALISE_PASSES = 8;
/** Other accepted values tried per field and variant when the aggregate refuses a sample. */
const ALTERNATIVES = 6;

export interface AcceptedSamples {
  choices: SampleChoices;
  /** The child collections the domain takes LARGE_COLLECTION children in, quickly enough for a test (see largeCollections). */
  largeCollections: string[];
  /** The list fields whose accessor hands out the aggregate's own list, not a copy (see liveLists). */
  liveLists: string[];
  /** Per Date field, the day it may move in place (+1, else -1) and the domain still accepts the aggregate (see dateShifts). */
  dateShifts: Record<string, number>;
  /** Expressions the domain evaluated, and how long the child process took, for the cost note. */
  evaluated: number;
  ms: number;
}

/**
 * The stage between map and render (a probe the caller gives stays open: the caller closes it) that makes the generated tests' samples ones the domain accepts: each
 * candidate (sample-candidates.ts) is built with the same expression the tests use, in a child process running
 * the domain's code; the first accepted value of each field and variant is kept. Only values that differ from
 * gen's own guesses are returned, so a domain that accepts every guess gets the same output as before.
 */
export async function acceptedSamples(
  model: PersistenceModel,
  configured: SampleConfig,
  projectRoot: string,
  given?: DomainProbe,
): Promise<AcceptedSamples> {
  const started = performance.now();
  const probe = given ?? new DomainProbe(projectRoot);
  try {
    const modules = projectModules(
      model,
      projectRoot,
      wrappingParameters(model).map((p) => p.type),
    );
    const choices = await choose(model, configured, probe, modules);
    const samples = repositorySamples(model, choices).asJavaScript();
    const large = await largeCollections(model, samples, probe, modules);
    const live = await liveLists(model, samples, probe, modules);
    const shifts = await dateShifts(model, samples, probe, modules);
    return {
      choices,
      largeCollections: large,
      liveLists: live,
      dateShifts: shifts,
      evaluated: probe.evaluated,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    if (!given) probe.close();
  }
}

async function choose(
  model: PersistenceModel,
  configured: SampleConfig,
  probe: DomainProbe,
  modules: ProbeModule[],
): Promise<SampleChoices> {
  const sets = [repositorySamples(model).asJavaScript(), queriesSamples(model).asJavaScript()];
  const [base] = sets as [SampleSet, SampleSet];
  const fields = sampledFields(model, base, new Map(wrappingParameters(model).map(({ field, type }) => [field.field.name, type])));
  const evaluate = (thunks: string[]) => probe.evaluate({ modules, thunks });
  const guessOf = (field: SampledField, variant: number) =>
    rawOf(base.variant(field.mapping, variant, field.slot.idPrefix, field.slot.owner).stored);
  const expressionOf = (field: SampledField, variant: number, value: RawSample) =>
    base.withChoices({ [field.slot.key]: { [variant]: value } }).variant(field.mapping, variant, field.slot.idPrefix, field.slot.owner)
      .expression;
  // A plain field the tests also pass to the port wrapped in a value object (`findByEmail(email: Email)`): each wrapper must take it too.
  const wrappers = new Map<string, Extract<ValueType, { kind: 'value-object' }>[]>();
  for (const { field, type } of wrappingParameters(model))
    wrappers.set(
      field.field.name,
      [...(wrappers.get(field.field.name) ?? []), type].filter((t, i, all) => all.findIndex((o) => o.name === t.name) === i),
    );
  const wrappersOf = (field: SampledField) => (field.slot.owner === model.aggregate.name ? (wrappers.get(field.slot.field) ?? []) : []);
  const checkOf = (field: SampledField, variant: number, value: RawSample) => {
    const expression = expressionOf(field, variant, value);
    const types = wrappersOf(field);
    return types.length === 0
      ? expression
      : `[${[expression, ...types.map((type) => rehydrationCall(type.name, type.rehydration, () => expression))].join(', ')}]`;
  };

  // 1. Each value object on its own: which candidates its constructor or factory accepts.
  const candidates = new Map<SampledField, Map<number, RawSample[]>>();
  const thunks: string[] = [];
  const wrapped = (field: SampledField) => field.mapping.conversion.kind === 'value-object' || wrappersOf(field).length > 0;
  for (const field of fields) {
    const configuredValues = (configured[field.slot.key] ?? []).map((value) => coerce(value, field.slot));
    const byVariant = new Map(
      field.variants.map((variant) => [variant, sampleCandidates(field.slot, variant, guessOf(field, variant), configuredValues)]),
    );
    candidates.set(field, byVariant);
    if (wrapped(field)) for (const [variant, values] of byVariant) for (const value of values) thunks.push(checkOf(field, variant, value));
  }
  const unique = [...new Set(thunks)];
  const results = new Map(zip(unique, await evaluate(unique)));
  const accepted = new Map<SampledField, Map<number, RawSample[]>>();
  const chosen: Record<string, Record<number, RawSample>> = {};
  for (const field of fields) {
    const byVariant = candidates.get(field)!;
    const configuredValues = (configured[field.slot.key] ?? []).map((value) => coerce(value, field.slot));
    const ok = new Map(
      [...byVariant].map(([variant, values]) => [
        variant,
        wrapped(field) ? values.filter((value) => results.get(checkOf(field, variant, value))!.accepted) : values,
      ]),
    );
    accepted.set(field, ok);
    const values: Record<number, RawSample> = {};
    for (const variant of field.variants) {
      const options = ok.get(variant)!;
      // Distinct variants, so equality, ordering and unique lookups tell the samples apart; the first accepted otherwise.
      // The project's own values come first and are reused past their count: fewer than four (a status with three
      // legal values) means these are all there are.
      const used = (option: RawSample) => Object.values(values).includes(option);
      const own = options.filter((option) => configuredValues.includes(option));
      const value = own.find((option) => !used(option)) ?? own[0] ?? options.find((option) => !used(option)) ?? options[0];
      if (value === undefined)
        throw nothingAccepted(field, byVariant.get(variant)!, results.get(checkOf(field, variant, byVariant.get(variant)![0])));
      values[variant] = value;
    }
    chosen[field.slot.key] = { ...chosen[field.slot.key], ...values };
  }

  // 2. Whole aggregates, as the tests build them: a refused one has one field at a time changed to another accepted value.
  const shapes = listShapes(model);
  // The values each field and variant was moved away from: the aggregate refused them, so no later round moves back
  // (a refusal further on would otherwise blame the field just repaired, and the repair go round in circles).
  const left = new Map<string, RawSample[]>();
  // The refusals each sample met so far: a change that brings one back (its email refused again) is no step forward.
  const met = new Map<number, Set<string>>();
  const builds = (choices: SampleChoices) =>
    sets.flatMap((set) => {
      const samples = set.withChoices(choices);
      const id = model.fields.find((f) => f.column.primary)!;
      // The tests also push an element of another variant into a loaded aggregate's list (odd variants' lists are
      // empty otherwise, so nothing else tries those values): sample 0 with each such element.
      const elements = model.fields
        .filter((f) => f.field.list && f.field.inPlace)
        .flatMap((f) =>
          [1, 2, 3].map((variant) =>
            samples.construct(0, {
              [f.field.name]: { expression: intoCollection(f.field, `[${samples.element(f, variant).expression}]`), stored: null },
            }),
          ),
        );
      return [
        ...[0, 1, 2, 3].map((sample) => samples.construct(sample)),
        samples.construct(0, { [id.field.name]: samples.idValue('missing') }),
        ...elements,
      ];
    });
  const repair = async () => {
    for (let round = 0; ; round++) {
      const current = builds(chosen);
      const answers = await evaluate([...new Set(current)]);
      const byThunk = new Map(zip([...new Set(current)], answers));
      const refused = [...new Set(current)].filter((thunk) => !byThunk.get(thunk)!.accepted);
      if (refused.length === 0) break;
      current.forEach((thunk, i) => {
        const answer = byThunk.get(thunk)!;
        if (!answer.accepted) met.set(i, new Set([...(met.get(i) ?? []), answer.message]));
      });
      const metBy = (thunk: string) => new Set(current.flatMap((other, i) => (other === thunk ? [...(met.get(i) ?? [])] : [])));
      if (round === MAX_ROUNDS) throw aggregateRefused(model, refused[0], byThunk.get(refused[0])!, fields, chosen);
      const trials: {
        field: SampledField;
        variant: number;
        value: RawSample;
        thunk: string;
        of: string;
        /** Fields of other classes changed with it, to the same value (see below). */
        also?: SampledField[];
      }[] = [];
      const alternativesOf = (field: SampledField, variant: number) =>
        accepted
          .get(field)!
          .get(variant)!
          .filter(
            (value) =>
              value !== chosen[field.slot.key][variant] &&
              !Object.values(chosen[field.slot.key]).includes(value) &&
              !(left.get(`${field.slot.key}#${variant}`) ?? []).includes(value),
          )
          .slice(0, ALTERNATIVES);
      for (const field of fields) {
        for (const variant of field.variants) {
          for (const value of alternativesOf(field, variant)) {
            const changed = builds({ ...chosen, [field.slot.key]: { ...chosen[field.slot.key], [variant]: value } });
            changed.forEach((thunk, i) => {
              if (thunk !== current[i] && refused.includes(current[i])) trials.push({ field, variant, value, thunk, of: current[i] });
            });
          }
        }
      }
      // One value object reached two ways (a Money field, and a LineTotal rebuilding a Money from its primitives) has
      // its parts sampled under two keys: both refused with one message, no single change moves it. Parts of the same
      // name and kind are changed together, to a value both may take.
      const byName = new Map<string, SampledField[]>();
      for (const field of fields) {
        const name = `${field.slot.field}:${field.slot.kind}`;
        if (!field.slot.primary) byName.set(name, [...(byName.get(name) ?? []), field]);
      }
      for (const group of [...byName.values()].filter((g) => g.length > 1)) {
        const [first, ...rest] = group;
        for (const variant of first.variants.filter((v) => rest.every((f) => f.variants.includes(v)))) {
          for (const value of alternativesOf(first, variant)) {
            if (!rest.every((f) => accepted.get(f)!.get(variant)!.includes(value))) continue;
            const together = Object.fromEntries(group.map((f) => [f.slot.key, { ...chosen[f.slot.key], [variant]: value }]));
            builds({ ...chosen, ...together }).forEach((thunk, i) => {
              if (thunk !== current[i] && refused.includes(current[i]))
                trials.push({ field: first, variant, value, thunk, of: current[i], also: rest });
            });
          }
        }
      }
      // An empty list the domain refuses (`at least one role`): the same variant with its one element instead.
      for (const shape of shapes) {
        for (const variant of shape.variants) {
          if (chosen[shape.slot.key]?.[variant] === true) continue;
          const changed = builds({ ...chosen, [shape.slot.key]: { ...chosen[shape.slot.key], [variant]: true } });
          changed.forEach((thunk, i) => {
            if (thunk !== current[i] && refused.includes(current[i]))
              trials.push({ field: shape, variant, value: true, thunk, of: current[i] });
          });
        }
      }
      const trialAnswers = new Map(zip([...new Set(trials.map((t) => t.thunk))], await evaluate([...new Set(trials.map((t) => t.thunk))])));
      const changed = new Set<string>();
      for (const thunk of refused) {
        const before = byThunk.get(thunk) as { message: string };
        const earlier = metBy(thunk);
        const mine = trials.filter((t) => t.of === thunk);
        // A refusal that names the value just tried (`Unsupported currency 'GBX'`) is that value's own fault, not a move.
        const moved = (t: (typeof trials)[number]) => {
          const message = messageOf(trialAnswers.get(t.thunk)!);
          return (
            message !== before.message &&
            !(message !== undefined && earlier.has(message)) &&
            !(message !== undefined && typeof t.value !== 'boolean' && message.includes(String(t.value)))
          );
        };
        // Accepted now; else refused for another reason, changing the field most of whose other values do that: the one
        // the domain refused (a valid field changed to a refused value would also change the message, but only for some).
        const best = mine.find((t) => trialAnswers.get(t.thunk)!.accepted) ?? mostBlamed(mine, moved);
        const slot = best && `${best.field.slot.key}#${best.variant}`;
        if (!best || changed.has(slot!)) continue;
        changed.add(slot!);
        for (const field of [best.field, ...(best.also ?? [])]) {
          const slotOf = `${field.slot.key}#${best.variant}`;
          const previous = chosen[field.slot.key]?.[best.variant];
          if (previous !== undefined) left.set(slotOf, [...(left.get(slotOf) ?? []), previous]);
          chosen[field.slot.key] = { ...chosen[field.slot.key], [best.variant]: best.value };
        }
      }
      if (changed.size === 0) throw aggregateRefused(model, refused[0], byThunk.get(refused[0])!, fields, chosen);
    }
  };
  await repair();

  // 3. Values the domain normalises (an email lower-cased, a code upper-cased, a name trimmed): the tests compare what
  // comes back with the value they wrote, so each sample becomes what the domain stores for it, once that is accepted
  // too and stores itself; then the whole samples are checked again.
  const tried = new Map<string, RawSample[]>();
  // What each sample was first stored as: the refusal names it (not the value the last pass tried).
  const first = new Map<string, Normalised>();
  const slotOf = ({ field, variant }: Normalised) => `${field.slot.key}#${variant}`;
  for (let pass = 0; ; pass++) {
    const readStored = () => storedForms(model, base.withChoices(chosen), fields, wrappers, (thunks) => probe.read({ modules, thunks }));
    const stored = await readStored();
    // Read twice, a clock tick apart: a field stored otherwise by two reads of the same sample stores a value of its own
    // (`new Date()`, a random id), not one it normalises; no sample can be written in the form it stores.
    await new Promise((done) => setTimeout(done, 5));
    const own = ownValue(fields, stored, await readStored());
    if (own) throw storesOwnValue(model, own);
    const moved = normalised(fields, chosen, stored);
    for (const move of moved) if (!first.has(slotOf(move))) first.set(slotOf(move), move);
    if (moved.length === 0) break;
    if (pass === MAX_NORMALISE_PASSES) throw notStable(first.get(slotOf(moved[0]))!);
    for (const { field, variant, forms } of moved) {
      const slot = `${field.slot.key}#${variant}`;
      const before = chosen[field.slot.key][variant];
      tried.set(slot, [...(tried.get(slot) ?? []), before]);
      const taken = (value: RawSample) =>
        Object.entries(chosen[field.slot.key]).some(([other, v]) => Number(other) !== variant && v === value);
      // What the domain stores, unless another variant holds it already (`Name Alpha` and `NAME ALPHA`, upper-cased):
      // then another accepted value, whose stored form the next pass reads.
      const next =
        forms.find((form) => !taken(form) && !(tried.get(slot) ?? []).includes(form)) ??
        accepted
          .get(field)
          ?.get(variant)
          ?.find((value) => !taken(value) && !(tried.get(slot) ?? []).includes(value));
      if (next === undefined) throw notStable(first.get(slot) ?? { field, variant, value: before, forms });
      chosen[field.slot.key] = { ...chosen[field.slot.key], [variant]: next };
    }
    await repair();
  }
  const shaped = Object.fromEntries(
    shapes.filter((shape) => chosen[shape.slot.key]).map((shape) => [shape.slot.key, chosen[shape.slot.key]]),
  );
  return { ...changesOnly(chosen, fields, guessOf), ...shaped };
}

/** The name the read-back expressions give the object they read (a field of the domain could not be called so). */
const READ = '__sample';

/** A column the read-back expression returns: the `samples` key of the value it holds, and whether it holds a list of them. */
interface Leaf {
  key: string;
  list: boolean;
  /** A list of objects stored as JSON: read, not compared (its parts are left as the tests write them). */
  skip: boolean;
  /**
   * A list of bigints, which JSON holds as decimal strings (the mapper's `.toString()`): the string read back is the
   * mapper's encoding of the bigint, decoded before it is compared, not a form the domain normalised the sample to.
   */
  bigintText: boolean;
}

/** The leaves of one field, in the order columnAssignments writes their columns. */
function leavesOf(mapping: FieldMapping, owner: string): Leaf[] {
  const { conversion, field } = mapping;
  if (conversion.kind === 'composite') return conversion.parts.flatMap((part) => leavesOf(part, partsOwner(mapping, owner)));
  return [
    {
      key: `${owner}.${field.name}`,
      list: field.list || field.collection?.iterable === true,
      skip: conversion.kind === 'composite-list',
      bigintText: mapping.column.jsonElement === 'bigint',
    },
  ];
}

/** `((__sample) => { const ... ; return [column, ...]; })(built)`: the columns the mapper would write for `mappings`. */
function readThunk(built: string, mappings: FieldMapping[], read: (mapping: FieldMapping) => string, locals: MapperLocal[]): string {
  const values = mappings.flatMap((mapping) => columnAssignments(read(mapping), mapping, locals).map((a) => a.value));
  const declared = locals.map((local) => `const ${local.name} = ${local.value};`).join(' ');
  return `((${READ}) => { ${declared} return [${values.join(', ')}]; })(${built})`;
}

/**
 * What the domain stores for each sampled value, by `key#variant`: each field of the aggregate set to each of its
 * variants in sample 0, each child built in each variant, and a plain field the tests pass wrapped (`findByEmail(Email)`)
 * wrapped and read back; the columns read as the mapper reads them. A field the rebuild does not take (derived, or
 * set by the domain itself) is not read: the tests never write it.
 */
async function storedForms(
  model: PersistenceModel,
  samples: SampleSet,
  fields: SampledField[],
  wrappers: ReadonlyMap<string, Extract<ValueType, { kind: 'value-object' }>[]>,
  read: (thunks: string[]) => Promise<ProbeResult[]>,
): Promise<Map<string, RawSample[]>> {
  const sampled = new Set(fields.map((f) => f.slot.key));
  const readings: { thunk: string; leaves: Leaf[]; variant: number }[] = [];
  const { aggregate } = model;
  const marker = '__gen_marker__';
  for (const mapping of model.fields) {
    if (mapping.column.generated) continue;
    const leaves = leavesOf(mapping, aggregate.name);
    if (!leaves.some((leaf) => sampled.has(leaf.key) && !leaf.skip)) continue;
    if (!samples.construct(0, { [mapping.field.name]: { expression: marker, stored: null } }).includes(marker)) continue;
    for (const variant of mapping.column.primary ? [0, 1, 2, 3, MISSING_VARIANT] : [0, 1, 2, 3]) {
      // A list holds its element of this variant (odd variants leave it empty, but the tests push theirs into one).
      const value = mapping.field.list
        ? { expression: intoCollection(mapping.field, `[${samples.element(mapping, variant).expression}]`), stored: null }
        : samples.variant(mapping, variant);
      const locals: MapperLocal[] = aggregate.snapshot ? [{ name: 'primitives', value: `${READ}.${aggregate.snapshot}` }] : [];
      const thunk = readThunk(
        samples.construct(0, { [mapping.field.name]: value }),
        [mapping],
        (m) => (aggregate.snapshot ? `primitives.${m.field.name}` : `${READ}${m.field.access}`),
        locals,
      );
      readings.push({ thunk, leaves, variant });
      // The tests also wrap it to look it up (`findByEmail(Email.create('...'))`): the wrapper must store it as is too.
      if (!mapping.field.list && mapping.conversion.kind !== 'value-object')
        for (const type of wrappers.get(mapping.field.name) ?? [])
          readings.push({
            thunk: `[${rehydrationCall(type.name, type.rehydration, () => value.expression)}${type.valueAccess}]`,
            leaves,
            variant,
          });
    }
  }
  for (const child of model.children) {
    const mappings = child.fields.filter((f) => !f.column.generated);
    const leaves = mappings.flatMap((m) => leavesOf(m, child.className));
    if (!leaves.some((leaf) => sampled.has(leaf.key) && !leaf.skip)) continue;
    for (const variant of [0, 1, 2, 3])
      readings.push({
        thunk: readThunk(samples.childAt(child, variant), mappings, (m) => `${READ}${m.field.access}`, []),
        leaves,
        variant,
      });
  }
  const answers = await read(readings.map((r) => r.thunk));
  const forms = new Map<string, RawSample[]>();
  readings.forEach(({ leaves, variant }, i) => {
    const answer = answers[i];
    // Refused (a rule across fields meets this one field changed): the repair stage checks the samples the tests build.
    if (!answer.accepted || !Array.isArray(answer.value) || answer.value.length !== leaves.length) return;
    leaves.forEach((leaf, n) => {
      if (leaf.skip || !sampled.has(leaf.key)) return;
      const column = (answer.value as ReadValue[])[n];
      const read = rawFrom(leaf.list ? (Array.isArray(column) ? column[0] : undefined) : column);
      const value = leaf.bigintText && typeof read === 'string' ? bigintFrom(read) : read;
      if (value === undefined) return;
      const slot = `${leaf.key}#${variant}`;
      forms.set(slot, [...new Set([...(forms.get(slot) ?? []), value])]);
    });
  });
  return forms;
}

/** A value read back as a sample: undefined for an absent one, or one no sample is (an object). */
function rawFrom(value: ReadValue | undefined): RawSample | undefined {
  if (value === undefined || value === null || Array.isArray(value)) return undefined;
  if (typeof value === 'object') return 'bigint' in value ? BigInt(value.bigint) : undefined;
  return value;
}

/** A decimal string as the bigint it encodes; undefined for one that is no integer (nothing to compare). */
function bigintFrom(text: string): bigint | undefined {
  return /^-?\d+$/.test(text) ? BigInt(text) : undefined;
}

interface Normalised {
  field: SampledField;
  variant: number;
  value: RawSample;
  /** What the domain stored instead. */
  forms: RawSample[];
}

/** The samples the domain stores otherwise than the tests write them. */
function normalised(
  fields: SampledField[],
  chosen: Record<string, Record<number, RawSample>>,
  forms: Map<string, RawSample[]>,
): Normalised[] {
  const seen = new Set<string>();
  const moved: Normalised[] = [];
  for (const field of fields) {
    for (const variant of field.variants) {
      const slot = `${field.slot.key}#${variant}`;
      const value = chosen[field.slot.key]?.[variant];
      if (seen.has(slot) || value === undefined) continue;
      seen.add(slot);
      const other = (forms.get(slot) ?? []).filter((form) => form !== value);
      if (other.length > 0) moved.push({ field, variant, value, forms: other });
    }
  }
  return moved;
}

/** The first sampled field whose stored forms differ between two reads of the same samples. */
function ownValue(fields: SampledField[], first: Map<string, RawSample[]>, second: Map<string, RawSample[]>): SampledField | undefined {
  const text = (forms: RawSample[] | undefined) => JSON.stringify((forms ?? []).map(String).sort());
  return fields.find((field) =>
    field.variants.some((variant) => {
      const slot = `${field.slot.key}#${variant}`;
      return text(first.get(slot)) !== text(second.get(slot));
    }),
  );
}

/** A field that stores a value of its own: refused at its line, naming nothing the probe read (it differs each run). */
function storesOwnValue(model: PersistenceModel, { slot, location }: SampledField): GenError {
  const owner = slot.valueObject ?? slot.owner;
  const rebuild = rebuildOf(model, slot.owner);
  return new GenError(
    `${slot.key}: ${owner} stores a value of its own for '${slot.field}', not the one it is given: the same sample read back twice came back different (a clock or a random value), so no value the generated tests write would come back as written`,
    location,
    `Let the rebuild take the stored value: ${rebuild}, which gen rebuilds ${slot.owner} with, must keep the ${slot.field} it is given (assign it, as a reconstitute() or fromPrimitives() does, where create() makes a new one).`,
  );
}

/** How gen rebuilds `owner`, for a message: `Parcel.reconstitute()`, else `new Parcel(...)`. */
function rebuildOf(model: PersistenceModel, owner: string): string {
  const rehydration =
    model.aggregate.name === owner ? model.aggregate.rehydration : model.children.find((child) => child.className === owner)?.rehydration;
  if (rehydration?.call.kind === 'static') return `${owner}.${rehydration.call.method}()`;
  return `new ${owner}(...)`;
}

function notStable({ field, value, forms }: Normalised): GenError {
  const { slot } = field;
  return new GenError(
    `${slot.key}: ${slot.valueObject ?? slot.owner} stores the sample ${quote(value)} as ${forms.map(quote).join(' or ')}, and gen found no value it stores as given (one it normalises to itself, distinct per sample), so the generated tests could not compare what they wrote with what comes back`,
    field.location,
    `Give the generated tests values in the form the domain stores them, four distinct ones, in gen.config.json: ${samplesEntry(slot.key)}.`,
  );
}

/**
 * The aggregate's lists that samples leave empty in odd variants, and its child collections that sample 2 leaves
 * empty: the repair may give them their element (one child) there.
 */
function listShapes(model: PersistenceModel): SampledField[] {
  const children = model.children
    .filter((child) => child.fields.length > 0)
    .map((child): SampledField => ({
      slot: {
        key: listShapeKey(model.aggregate.name, child.field.name),
        owner: model.aggregate.name,
        field: child.field.name,
        kind: 'string',
        primary: false,
        idPrefix: model.names.kebab,
        patterns: [],
      },
      mapping: child.fields[0],
      variants: [2],
      location: child.field.location,
    }));
  const lists = model.fields
    .filter((mapping) => mapping.field.list)
    .map((mapping): SampledField => ({
      slot: {
        key: listShapeKey(model.aggregate.name, mapping.field.name),
        owner: model.aggregate.name,
        field: mapping.field.name,
        kind: 'string',
        primary: false,
        idPrefix: model.names.kebab,
        patterns: [],
      },
      mapping,
      variants: [1, 3],
      location: mapping.field.location,
    }));
  return [...lists, ...children];
}

/** How long the domain may take to build that aggregate; longer (a rule quadratic in the collection's size), and the test would crawl. */
const LARGE_BUILD_MS = 5_000;

/**
 * The child collections whose aggregate the domain builds with LARGE_COLLECTION children (sample 0 with that many,
 * ids 1 to N): the generated suite saves, loads and replaces such an aggregate. A domain that caps the collection,
 * needs its children to differ in more than their ids, or takes too long is left out.
 */
async function largeCollections(
  model: PersistenceModel,
  samples: SampleSet,
  probe: DomainProbe,
  modules: ProbeModule[],
): Promise<string[]> {
  const accepted: string[] = [];
  for (const child of model.children) {
    const built = samples.withManyChildren(child, LARGE_COLLECTION);
    if (!built) continue;
    const answer = await probe.evaluateWithin({ modules, thunks: [built] }, LARGE_BUILD_MS);
    if (answer !== 'timeout' && answer[0].accepted) accepted.push(child.field.name);
  }
  return accepted;
}

/**
 * The lists the domain could change in place (a `T[]` or `Set<T>` member, always there) whose accessor hands out
 * the list the aggregate holds: the same object on every read. Changed through it, the generated suite saves such
 * a change; through a getter that returns a copy, nothing would change, and the test would prove nothing.
 */
async function liveLists(model: PersistenceModel, samples: SampleSet, probe: DomainProbe, modules: ProbeModule[]): Promise<string[]> {
  if (model.aggregate.snapshot) return [];
  const fields = model.fields.filter((f) => f.field.inPlace && !f.field.optional && !f.field.nullable);
  const thunks = fields.map(
    (f) => `((aggregate) => (aggregate${f.field.access} === aggregate${f.field.access} ? aggregate : undefined))(${samples.construct(0)})`,
  );
  const answers = await probe.evaluate({ modules, thunks });
  return fields.filter((_, i) => answers[i].accepted).map((f) => f.field.name);
}

/**
 * The suite moves a Date of a loaded aggregate in place by a day and saves it: a rule between two Dates (confirmed
 * after registered) may refuse the later one when the repository rebuilds it. The way the domain accepts, +1 day first.
 */
async function dateShifts(
  model: PersistenceModel,
  samples: SampleSet,
  probe: DomainProbe,
  modules: ProbeModule[],
): Promise<Record<string, number>> {
  const trials = inPlaceDates(model).flatMap((f) =>
    [1, -1].map((days) => {
      const stored = samples.value(f, 0).stored;
      const moved = new Date(Date.parse(String(stored)) + days * 86_400_000).toISOString();
      return {
        field: f.field.name,
        days,
        thunk: samples.construct(0, { [f.field.name]: { expression: `new Date('${moved}')`, stored: moved } }),
      };
    }),
  );
  const answers = await probe.evaluate({ modules, thunks: trials.map((t) => t.thunk) });
  const shifts: Record<string, number> = {};
  trials.forEach((trial, i) => {
    if (answers[i].accepted && shifts[trial.field] === undefined) shifts[trial.field] = trial.days;
  });
  return shifts;
}

/** The choices that differ from gen's guesses: none when the domain takes every guess. */
function changesOnly(
  chosen: Record<string, Record<number, RawSample>>,
  fields: SampledField[],
  guessOf: (field: SampledField, variant: number) => RawSample,
): SampleChoices {
  const choices: Record<string, Record<number, RawSample>> = {};
  for (const field of fields) {
    for (const variant of field.variants) {
      const value = chosen[field.slot.key][variant];
      if (value !== guessOf(field, variant)) choices[field.slot.key] = { ...choices[field.slot.key], [variant]: value };
    }
  }
  return choices;
}

/** The `samples` keys of a model's fields: what gen.config.json may name for it. */
export function sampleKeys(model: PersistenceModel): string[] {
  const base = repositorySamples(model).asJavaScript();
  const fields = sampledFields(model, base, new Map(wrappingParameters(model).map(({ field, type }) => [field.field.name, type])));
  return [...new Set(fields.map((field) => field.slot.key))];
}

/** The value each `samples` key holds in each variant with these choices: the choices, else gen's guesses. */
export function sampledValues(model: PersistenceModel, choices: SampleChoices): Record<string, Record<number, RawSample>> {
  const samples = repositorySamples(model, choices).asJavaScript();
  const fields = sampledFields(model, samples, new Map(wrappingParameters(model).map(({ field, type }) => [field.field.name, type])));
  const values: Record<string, Record<number, RawSample>> = {};
  for (const { slot, mapping, variants } of fields)
    for (const variant of variants)
      values[slot.key] = { ...values[slot.key], [variant]: rawOf(samples.variant(mapping, variant, slot.idPrefix, slot.owner).stored) };
  return values;
}

/** Every field whose samples are primitives gen picks: the aggregate's, its value objects' parts, its children's. */
function sampledFields(
  model: PersistenceModel,
  samples: SampleSet,
  parameterWrappers: ReadonlyMap<string, Extract<ValueType, { kind: 'value-object' }>>,
): SampledField[] {
  const fields: SampledField[] = [];
  const add = (mapping: FieldMapping, owner: string, idPrefix: string, variants: number[], patterns: string[]) => {
    const { conversion } = mapping;
    if (conversion.kind === 'composite' || conversion.kind === 'composite-list') {
      const type = mapping.field.type;
      const own = type.kind === 'composite' ? (type.patterns ?? []) : [];
      for (const part of conversion.parts) add(part, partsOwner(mapping, owner), idPrefix, [0, 1, 2, 3], own);
      return;
    }
    const element = mapping.field.list
      ? { ...mapping, field: { ...mapping.field, list: false }, column: { ...mapping.column, kind: samples.elementKind(mapping) } }
      : mapping;
    const kind = slotKind(element);
    if (!kind) return;
    const type = element.field.type;
    const wrapper = owner === model.aggregate.name ? parameterWrappers.get(element.field.name) : undefined;
    const valueObject = conversion.kind === 'value-object' ? conversion.className : wrapper?.name;
    fields.push({
      slot: {
        key: `${owner}.${element.field.name}`,
        owner,
        field: element.field.name,
        ...(valueObject ? { valueObject } : {}),
        kind,
        ...(element.column.kind === 'decimal'
          ? { decimal: { precision: element.column.precision ?? 10, scale: element.column.scale ?? 0 } }
          : {}),
        primary: element.column.primary,
        idPrefix,
        patterns: [...patterns, ...(type.kind === 'value-object' ? (type.patterns ?? []) : []), ...(wrapper?.patterns ?? [])],
      },
      mapping: element,
      variants,
      location: element.field.location,
    });
  };
  for (const mapping of model.fields)
    add(mapping, model.aggregate.name, model.names.kebab, mapping.column.primary ? [0, 1, 2, 3, MISSING_VARIANT] : [0, 1, 2, 3], []);
  for (const child of model.children) {
    const ids = [...new Set(CHILD_SAMPLES.flat().map(([id]) => id))].sort();
    for (const mapping of child.fields)
      add(mapping, child.className, kebabCase(child.className), mapping.column.primary ? ids : [0, 1, 2, 3], []);
  }
  return fields;
}

function slotKind({ field, column }: FieldMapping): SampleSlot['kind'] | undefined {
  if (field.type.kind === 'enum' || field.type.kind === 'literal-union') return undefined;
  switch (column.kind) {
    case 'string':
      return 'string';
    case 'double':
    case 'decimal':
      return 'number';
    case 'integer':
      return 'integer';
    case 'bigint':
      return 'bigint';
    case 'timestamp':
      return 'date';
    default:
      return undefined;
  }
}

/** A `samples` value as the column's kind needs it: JSON has no bigints, and dates are ISO strings. */
function coerce(value: string | number | boolean, slot: SampleSlot): RawSample {
  if (slot.kind === 'bigint' && typeof value !== 'boolean') return BigInt(value);
  if (
    (slot.kind === 'number' || slot.kind === 'integer') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  )
    return Number(value);
  if (slot.kind === 'date') return new Date(String(value)).toISOString();
  return value;
}

function rawOf(stored: RawSample | null): RawSample {
  if (stored === null) throw new Error('a sampled field has no value in variants 0 to 3');
  return stored;
}

/** Every project class the sample expressions name, imported from its file. */
function projectModules(model: PersistenceModel, projectRoot: string, parameterTypes: ValueType[]): ProbeModule[] {
  const byFile = new Map<string, Map<string, string>>();
  const bind = (file: string, exported: string, local: string) => {
    const bindings = byFile.get(file) ?? new Map<string, string>();
    bindings.set(local, exported);
    byFile.set(file, bindings);
  };
  const seen = new Set<ValueType>();
  const visitType = (type: ValueType) => {
    if (seen.has(type)) return;
    seen.add(type);
    // A branded primitive is a type alias, with no runtime value: its samples are cast, which the probe strips.
    // A default export (`enum OrderStatus {...}` then `export default OrderStatus`) is bound under `default`: an enum's is
    // an object, which the probe cannot tell from a module namespace by its name as it can a class.
    // A library's date is rebuilt by its factory, loaded from the project's own copy of the package (its entry file).
    if (type.kind === 'value-object' && type.library) {
      const { module, binding, form } = type.library;
      bind(libraryEntry(module, projectRoot), form === 'named' ? binding : 'default', binding);
    } else if ((type.kind === 'value-object' && type.brand !== true) || type.kind === 'enum')
      bind(type.file, type.defaultExport ? 'default' : type.name, type.name);
    if (type.kind === 'composite') {
      if (!type.plain) bind(type.file, type.defaultExport ? 'default' : type.name, type.name);
      type.fields.forEach(visitField);
    }
  };
  const visitField = (field: FieldModel) => {
    visitType(field.type);
    if (field.collection?.file !== undefined) bind(field.collection.file, field.collection.className, field.collection.className);
  };
  // An interface or type alias has no value to bind: its rebuild is an object literal.
  if (model.aggregate.style !== 'record')
    bind(model.aggregate.file, model.aggregate.defaultExport ? 'default' : model.aggregate.name, model.aggregate.name);
  model.aggregate.fields.forEach(visitField);
  for (const child of model.children)
    if (!(child.field.type.kind === 'composite' && child.field.type.plain)) bind(child.file, child.className, child.className);
  parameterTypes.forEach(visitType);
  return [...byFile].map(([file, bindings]) => ({
    file: resolve(projectRoot, file),
    bindings: [...bindings].map(([local, exported]) => ({ exported, local })),
  }));
}

/** The file Node loads for `module` from the project (its CommonJS entry, which the probe imports as a file). */
function libraryEntry(module: string, projectRoot: string): string {
  try {
    return createRequire(join(projectRoot, 'package.json')).resolve(module);
  } catch (error) {
    throw new GenError(
      `cannot load ${module} from ${projectRoot} to build sample values: ${error instanceof Error ? error.message : String(error)}`,
      { file: 'package.json', line: 1 },
      `Install ${module} in the project (npm install ${module}).`,
    );
  }
}

/** The first change of the field and variant whose changes most often change the domain's answer. */
function mostBlamed<T extends { field: SampledField; variant: number }>(trials: T[], moved: (trial: T) => boolean): T | undefined {
  const groups = new Map<string, T[]>();
  for (const trial of trials) {
    const key = `${trial.field.slot.key}#${trial.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), trial]);
  }
  let best: { share: number; trial: T } | undefined;
  for (const group of groups.values()) {
    const share = group.filter(moved).length / group.length;
    const first = group.find(moved);
    if (first && (!best || share > best.share)) best = { share, trial: first };
  }
  return best?.trial;
}

function messageOf(result: ProbeResult): string | undefined {
  return result.accepted ? undefined : result.message;
}

function zip<A, B>(as: A[], bs: B[]): [A, B][] {
  return as.map((a, i) => [a, bs[i]]);
}

const quote = (value: RawSample) =>
  typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}n` : String(value);

function samplesEntry(key: string): string {
  return `"samples": { ${JSON.stringify(key)}: ["…", "…", "…", "…"] }`;
}

function nothingAccepted(field: SampledField, tried: RawSample[], first: ProbeResult | undefined): GenError {
  const { slot } = field;
  const shown = tried.slice(0, 5).map(quote).join(', ');
  const more = tried.length > 5 ? ` and ${tried.length - 5} more` : '';
  const said = first && !first.accepted ? `; it says: ${first.message}` : '';
  return new GenError(
    `${slot.key}: ${slot.valueObject ?? slot.owner} accepts none of the sample values gen tried (${shown}${more})${said}`,
    field.location,
    `Give the generated tests values it accepts, four distinct ones (fewer if it accepts fewer; the tests reuse them), in gen.config.json: ${samplesEntry(slot.key)}.`,
  );
}

function aggregateRefused(
  model: PersistenceModel,
  thunk: string,
  result: ProbeResult,
  fields: SampledField[],
  chosen: Record<string, Record<number, RawSample>>,
): GenError {
  const message = result.accepted ? '' : result.message;
  // The aggregate's own fields (those of the objects with no class it holds among them: `Reservation.customer.email`),
  // then those of the values it holds (`Place.venue.zone`).
  const own = fields.filter((f) => f.slot.key.startsWith(`${model.aggregate.name}.`) && !f.slot.primary);
  // Ids last: gen's UUIDs and `order-1` are seldom what a rule across fields refuses.
  const ordered = [...own, ...fields.filter((f) => !f.slot.primary && !own.includes(f)), ...fields.filter((f) => f.slot.primary)];
  const keys = [...new Set(ordered.map((f) => f.slot.key))];
  // The field whose value the refusal quotes (`The Order Status <Status Alpha> is invalid`) is the one to name; else
  // the one it names (`The email format is not valid`).
  const quoted = fields.find((f) =>
    Object.values(chosen[f.slot.key] ?? {}).some((v) => typeof v === 'string' && v.length > 2 && message.includes(v)),
  );
  const words = new Set(message.toLowerCase().match(/[a-z]+/g) ?? []);
  const mentioned = ordered.find((f) => words.has(f.slot.field.toLowerCase()));
  const named = quoted?.slot.key ?? mentioned?.slot.key ?? keys[0];
  const others = keys.filter((key) => key !== named);
  const refusal = `${model.aggregate.name} refuses the samples gen built for its tests (${thunk.length > 160 ? `${thunk.slice(0, 157)}...` : thunk}); it says: ${message}`;
  if (named === undefined)
    return new GenError(
      refusal,
      model.aggregate.location,
      'gen samples none of its fields (enums, literal unions and booleans take their declared values): make the rule accept those.',
    );
  return new GenError(
    refusal,
    model.aggregate.location,
    `Give the generated tests values it accepts in gen.config.json, four distinct ones per field (fewer if it accepts fewer; the tests reuse them), e.g. ${samplesEntry(named)}${others.length > 0 ? ` (fields sampled: ${[named, ...others].join(', ')})` : ''}.`,
  );
}

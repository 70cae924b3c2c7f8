import { GenError } from '../errors.js';
import type { CustomMethod } from '../read/custom-class-reader.js';
import { withSampleWriter } from './map-feature.js';
import type { PersistenceModel, RepositoryMethod } from './persistence-model.js';

/** What one of the repositories' custom files (`*.repository.custom.ts`) declares, when it exists. */
export interface CustomFile {
  path: string;
  /** The class gen's repository extends: `TypeOrmOrderRepositoryCustom`. */
  className: string;
  methods: readonly CustomMethod[];
}

/**
 * `model`: what the generated tests, the plan and every other artifact read, where each port method the user wrote in
 * either custom file is hand-written. `typeorm`, `inMemory`: what each repository (and its custom file, when gen
 * creates it) is generated from, where only the methods written in that repository's custom file are: the other
 * keeps gen's implementation.
 */
export interface KeptMethods {
  model: PersistenceModel;
  typeorm: PersistenceModel;
  inMemory: PersistenceModel;
  warnings: string[];
}

/**
 * A port method gen implements that the user wrote in a custom file stays the user's: the generated repository
 * extends the custom class, so gen's implementation would override the user's body and it would silently stop
 * running (gen's vocabulary grows between versions; a user may write a body for a method gen derives). gen leaves it
 * out of that repository's class, warns, and generated tests treat it as hand-written. gen's own untouched stub
 * (`stub`) is no user's body: gen takes it over as before.
 */
export function keepUserMethods(model: PersistenceModel, typeorm: CustomFile | undefined, inMemory: CustomFile | undefined): KeptMethods {
  const written = (file: CustomFile | undefined, name: string) => file?.methods.find((m) => m.name === name && !m.stub);
  const warnings: string[] = [];
  const mine = { typeorm: new Set<string>(), inMemory: new Set<string>() };
  const port = model.port.name;
  for (const m of model.methods) {
    if (m.kind === 'hand-written') continue;
    const name = m.method.name;
    const inTypeOrm = written(typeorm, name);
    const inMemoryToo = written(inMemory, name);
    // gen's own save (tests store their samples with it) is no port method: a user's `save` there is overridden.
    if (m.kind === 'save' && m.inPort === false) {
      const at = inTypeOrm ? { file: typeorm!, method: inTypeOrm } : inMemoryToo ? { file: inMemory!, method: inMemoryToo } : undefined;
      if (at)
        throw new GenError(
          `${at.file.className}.save is written by hand, but ${port} has no method that stores a new ${model.aggregate.name}, so the generated repositories add their own save(x) (the generated tests store their samples with it), which would override yours`,
          { file: at.file.path, line: at.method.line },
          `Rename your save, or declare it in ${port} (\`save(${model.names.variable}: ${model.aggregate.name}): Promise<void>\`) so that gen implements it.`,
        );
      continue;
    }
    if (inTypeOrm) mine.typeorm.add(name);
    if (inMemoryToo) mine.inMemory.add(name);
    const places = [
      ...(inTypeOrm ? [{ file: typeorm!, method: inTypeOrm }] : []),
      ...(inMemoryToo ? [{ file: inMemory!, method: inMemoryToo }] : []),
    ];
    if (places.length === 0) continue;
    const where = places.map((p) => `${p.file.path}:${p.method.line}`).join(' and ');
    const [yours, gens] = inTypeOrm
      ? [model.names.typeOrmRepositoryClass, model.names.inMemoryRepositoryClass]
      : [model.names.inMemoryRepositoryClass, model.names.typeOrmRepositoryClass];
    // The two repositories share one generated contract suite: a case for a method one of them leaves to the user
    // would test the user's body there, so the method's cases are off in both, gen's implementation in the other too.
    const runs =
      places.length === 2
        ? `the generated repositories do not override it; the generated tests leave ${name} to your own suite`
        : `${yours} does not override it, ${gens} keeps gen's; the contract tests the two repositories share leave ${name} to your own suite in both, so gen's ${gens}.${name} is not tested either`;
    warnings.push(
      `${where}: ${port}.${name} is written by hand; gen can now implement it, but leaves yours to run (${runs}). Delete it from the custom file${places.length === 2 ? 's' : ''} to let gen's implementation take over.`,
    );
  }
  if (mine.typeorm.size === 0 && mine.inMemory.size === 0) return { model, typeorm: model, inMemory: model, warnings };
  // The files, not their lines: the plan that names them stays as it is while the user edits around the method.
  const at = (name: string) => [...(mine.typeorm.has(name) ? [typeorm!.path] : []), ...(mine.inMemory.has(name) ? [inMemory!.path] : [])];
  const userWritten = (m: RepositoryMethod, own: ReadonlySet<string>) =>
    m.kind !== 'hand-written' && !(m.kind === 'save' && m.inPort === false) && own.has(m.method.name);
  const either = new Set([...mine.typeorm, ...mine.inMemory]);
  const ported = model.methods
    .filter((m) => !(m.kind === 'save' && m.inPort === false))
    .map((m): RepositoryMethod => (userWritten(m, either) ? { kind: 'hand-written', method: m.method, written: at(m.method.name) } : m));
  // Where the user wrote the port's only writer, the tests store their samples with gen's own save(x).
  const methods = withSampleWriter(ported, model);
  const sampleWriter = methods.find((m) => m.kind === 'save' && m.inPort === false);
  const clash = sampleWriter && model.methods.find((m) => m.method.name === 'save' && userWritten(m, either));
  // Any save a custom file declares is overridden by gen's, a helper of the user's that is no port method too.
  const helper = written(typeorm, 'save') ? typeorm! : written(inMemory, 'save') ? inMemory! : undefined;
  if (sampleWriter && !clash && helper)
    throw new GenError(
      `${helper.className}.save is written by hand, and ${port}'s only method that stores a new ${model.aggregate.name} is written by hand too, so the generated repositories add their own save(x) (the generated tests store their samples with it), which would override yours`,
      { file: helper.path, line: written(helper, 'save')!.line },
      `Rename your save, or delete ${
        model.methods
          .filter((m) => (m.kind === 'write' || m.kind === 'save') && either.has(m.method.name))
          .map((m) => m.method.name)
          .join(', ') || 'the writer'
      } from the custom files so that gen implements it and needs no save of its own.`,
    );
  if (clash)
    throw new GenError(
      `${port}.save is written by hand, and it is the port's only method that stores a new ${model.aggregate.name}: gen's tests store their samples with a save(x) of gen's own, which would override yours`,
      mine.typeorm.has('save')
        ? { file: typeorm!.path, line: written(typeorm, 'save')!.line }
        : { file: inMemory!.path, line: written(inMemory, 'save')!.line },
      `Delete save from the custom files so that gen implements it, or declare another method that stores a new ${model.aggregate.name} (\`create(${model.names.variable}: ${model.aggregate.name}): Promise<void>\`).`,
    );
  const union = { ...model, methods };
  // Each repository: hand-written only where its own custom file has the user's body, gen's implementation elsewhere.
  const forRepository = (own: ReadonlySet<string>): PersistenceModel => ({
    ...union,
    methods: methods.map((m) => {
      if (m.kind !== 'hand-written' || !either.has(m.method.name) || own.has(m.method.name)) return m;
      return model.methods.find((d) => d.method.name === m.method.name && !(d.kind === 'save' && d.inPort === false))!;
    }),
  });
  return { model: union, typeorm: forRepository(mine.typeorm), inMemory: forRepository(mine.inMemory), warnings };
}

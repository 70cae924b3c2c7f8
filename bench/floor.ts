// The floor that `gen infra` is measured against, run in its own process: a bare ts-morph load of the project
// (its tsconfig, with the strictNullChecks gen forces) plus type resolution of the feature's domain files.
// Imports only ts-morph, so the process pays for nothing else.
import { join } from 'node:path';
import { Project } from 'ts-morph';

const [projectRoot, domainDir] = process.argv.slice(2);
if (!projectRoot || !domainDir) throw new Error('usage: node floor.js <projectRoot> <domainDir>');

const project = new Project({ tsConfigFilePath: join(projectRoot, 'tsconfig.json'), compilerOptions: { strictNullChecks: true } });
const prefix = `${join(projectRoot, domainDir)}/`;
const domainFiles = project.getSourceFiles().filter((file) => file.getFilePath().startsWith(prefix));
if (domainFiles.length === 0) throw new Error(`no domain files under ${prefix}`);
// Semantic diagnostics resolve the type of every expression and declaration in each file.
const program = project.getProgram().compilerObject;
const problems = domainFiles.flatMap((file) => program.getSemanticDiagnostics(file.compilerNode));
if (problems.length > 0) throw new Error(`the domain files do not type-check: ${problems.length} problem(s)`);

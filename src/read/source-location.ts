import { relative } from 'node:path';
import type { Node } from 'ts-morph';
import type { SourceLocation } from '../errors.js';
import { toPosix } from '../paths.js';

export function locate(node: Node, projectRoot: string): SourceLocation {
  return {
    file: relativeFile(node.getSourceFile().getFilePath(), projectRoot),
    line: node.getStartLineNumber(),
  };
}

export function relativeFile(absolute: string, projectRoot: string): string {
  return toPosix(relative(projectRoot, absolute));
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { writeProject } from '../support/projects.js';

// A toJSON() written for responses leaves out what a client must not see or need not know (a password, an inner
// entity's id): it is a view of the class, not its stored state, and reading the class through it loses that value.

/** An author holding a biography, an entity of its own whose toJSON() leaves its id out. */
function authors(biographyJson: string, derived = ''): Record<string, string> {
  return {
    'src/domain/authors/biography.ts': `let made = 0;

export class Biography {
  id: string;
  text: string;
  language: string;${derived}

  private constructor(id: string, text: string, language: string) {
    this.id = id;
    this.text = text;
    this.language = language;
  }

  static create(props: { text: string; language: string }): Biography {
    return new Biography(\`biography-\${++made}\`, props.text, props.language);
  }

  toJSON() {
    return ${biographyJson};
  }
}
`,
    'src/domain/authors/author.ts': `import { Biography } from './biography';

export class Author {
  constructor(
    public readonly id: string,
    public name: string,
    public biography: Biography,
  ) {}
}
`,
    'src/domain/authors/author.repository.ts': `import { Author } from './author';

export interface AuthorRepository {
  save(author: Author): Promise<void>;
  findById(id: string): Promise<Author | null>;
}
`,
  };
}

function biographyColumns(files: Record<string, string>): string[] {
  const domain = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'authors');
  return mapFeature(domain)
    .table.columns.map((c) => c.name)
    .filter((name) => name.startsWith('biography_'));
}

describe('a toJSON() that leaves out a public property of its class', () => {
  it('is a view, not the stored state: the class is read through its members, the left-out id kept', () => {
    expect(biographyColumns(authors('{ text: this.text, language: this.language }'))).toEqual([
      'biography_id',
      'biography_text',
      'biography_language',
    ]);
  });

  it('is the stored state when what it leaves out is a readonly property set where it is declared (derived)', () => {
    const derived = "\n  readonly summary: string = 'about';";
    expect(biographyColumns(authors('{ id: this.id, text: this.text, language: this.language }', derived))).toEqual([
      'biography_id',
      'biography_text',
      'biography_language',
    ]);
  });

  it('is the stored state when it returns every public property', () => {
    expect(biographyColumns(authors('{ id: this.id, text: this.text, language: this.language }'))).toEqual([
      'biography_id',
      'biography_text',
      'biography_language',
    ]);
  });
});

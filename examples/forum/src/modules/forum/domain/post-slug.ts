import { DomainError } from '../../../shared/domain/domain-error';

/** The part of a post's address made from its title: lowercase words joined by dashes. */
export class PostSlug {
  private constructor(readonly value: string) {}

  static create(value: string): PostSlug {
    if (value.trim().length === 0 || value.length > 80) throw new DomainError(`A slug has 1 to 80 characters: '${value}'`);
    return new PostSlug(value);
  }

  static fromTitle(title: string): PostSlug {
    const words = title.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    if (words.length === 0) throw new DomainError(`A title needs a letter or digit: ${title}`);
    return new PostSlug(words.join('-').slice(0, 80).replace(/-$/, ''));
  }

  equals(other: PostSlug): boolean {
    return this.value === other.value;
  }
}

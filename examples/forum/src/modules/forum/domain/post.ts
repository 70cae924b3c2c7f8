import { AggregateRoot } from '../../../shared/domain/aggregate-root';
import { DomainError } from '../../../shared/domain/domain-error';
import { PostId } from './post-id';
import { PostSlug } from './post-slug';
import { PostType } from './post-type';

export interface PostProps {
  /** The member who posted it, referenced by id only. */
  memberId: string;
  title: string;
  slug: PostSlug;
  type: PostType;
  text?: string;
  link?: string;
  points: number;
  createdAt: Date;
}

/** Aggregate root of the forum module: a member's post, which other members upvote and downvote. */
export class Post extends AggregateRoot<PostId, PostProps> {
  private constructor(id: PostId, props: PostProps) {
    super(id, props);
  }

  /** A new text post: its slug comes from its title, and it starts with its author's point. */
  static createText(id: PostId, memberId: string, title: string, text: string, now: Date): Post {
    if (text.trim().length === 0) throw new DomainError('A text post needs text');
    return new Post(id, { memberId, title: Post.checkTitle(title), slug: PostSlug.fromTitle(title), type: PostType.Text, text, points: 1, createdAt: now });
  }

  /** A new link post. */
  static createLink(id: PostId, memberId: string, title: string, link: string, now: Date): Post {
    if (!/^https?:\/\/\S+$/.test(link)) throw new DomainError(`Not a web address: ${link}`);
    return new Post(id, { memberId, title: Post.checkTitle(title), slug: PostSlug.fromTitle(title), type: PostType.Link, link, points: 1, createdAt: now });
  }

  /** Rebuilds a stored post, as it was. */
  static reconstitute(props: PostProps, id: PostId): Post {
    return new Post(id, props);
  }

  get memberId(): string {
    return this.props.memberId;
  }

  get title(): string {
    return this.props.title;
  }

  get slug(): PostSlug {
    return this.props.slug;
  }

  get type(): PostType {
    return this.props.type;
  }

  get text(): string | undefined {
    return this.props.text;
  }

  get link(): string | undefined {
    return this.props.link;
  }

  get points(): number {
    return this.props.points;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }

  upvote(): void {
    this.props.points += 1;
  }

  downvote(): void {
    if (this.props.points > 0) this.props.points -= 1;
  }

  private static checkTitle(title: string): string {
    const trimmed = title.trim();
    if (trimmed.length < 2 || trimmed.length > 85) throw new DomainError('A title has 2 to 85 characters');
    return trimmed;
  }
}

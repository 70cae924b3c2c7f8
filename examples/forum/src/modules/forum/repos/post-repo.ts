import { Post } from '../domain/post';
import { PostId } from '../domain/post-id';
import { PostSlug } from '../domain/post-slug';
import { PostType } from '../domain/post-type';

/** Persistence port for {@link Post} aggregates. */
export interface PostRepo {
  save(post: Post): Promise<void>;
  findById(id: PostId): Promise<Post | null>;
  findBySlug(slug: PostSlug): Promise<Post | null>;
  /** A member's posts, newest first. */
  findByMemberIdOrderByCreatedAtDesc(memberId: string): Promise<Post[]>;
  /** The most upvoted posts of a type. */
  findTop10ByTypeOrderByPointsDesc(type: PostType): Promise<Post[]>;
  existsBySlug(slug: PostSlug): Promise<boolean>;
  delete(id: PostId): Promise<void>;
}

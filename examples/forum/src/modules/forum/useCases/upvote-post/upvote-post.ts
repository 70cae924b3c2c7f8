import { DomainError } from '../../../../shared/domain/domain-error';
import { PostSlug } from '../../domain/post-slug';
import { PostRepo } from '../../repos/post-repo';

/** A member upvotes the post at a slug. */
export class UpvotePost {
  constructor(private readonly posts: PostRepo) {}

  async execute(slug: string): Promise<void> {
    const post = await this.posts.findBySlug(PostSlug.create(slug));
    if (post === null) throw new DomainError(`No post at ${slug}`);
    post.upvote();
    await this.posts.save(post);
  }
}

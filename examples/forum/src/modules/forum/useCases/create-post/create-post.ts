import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../../shared/domain/domain-error';
import { Post } from '../../domain/post';
import { PostId } from '../../domain/post-id';
import { PostRepo } from '../../repos/post-repo';

export type CreatePostInput = { memberId: string; title: string } & ({ text: string } | { link: string });

/** Posts a text or a link, under a slug no other post has. */
export class CreatePost {
  constructor(private readonly posts: PostRepo) {}

  async execute(input: CreatePostInput): Promise<Post> {
    const id = PostId.create(randomUUID());
    const post = 'text' in input ? Post.createText(id, input.memberId, input.title, input.text, new Date()) : Post.createLink(id, input.memberId, input.title, input.link, new Date());
    if (await this.posts.existsBySlug(post.slug)) throw new DomainError(`A post titled like '${input.title}' exists already`);
    await this.posts.save(post);
    return post;
  }
}

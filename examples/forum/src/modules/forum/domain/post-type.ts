/** A post is either text written on the forum, or a link to elsewhere. */
export enum PostType {
  Text = 'text',
  Link = 'link',
}

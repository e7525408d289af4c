/** A plain-text teaser from a post's markdown: no markup, table rows or link targets, cut at a word. */
export const excerpt = (markdown: string, maxLength = 180): string => {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^\s*\|.*\|\s*$/gm, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`>~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : maxLength)}…`;
};

/** Posts may have no title; the list and the page then fall back to the start of the text. */
export const postTitle = (post: { title: string | null; content: string }): string => post.title ?? excerpt(post.content, 60);

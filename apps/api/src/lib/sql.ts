/** Escapes LIKE/ILIKE wildcards so user search text matches literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';

/*
 * Search (docs/adr/0012-search.md). Text is compared folded by `canteen_fold` in PostgreSQL (lower case, accents
 * off), so "spätzle", "Spatzle" and "SPÄTZLE" are one word. A word matches when it is inside the text ("spatzle"
 * in "kasespatzle", the start of words not required) or, for a typo, when it is close to a word of the text by
 * trigram word similarity (`<%`, pg_trgm's threshold 0.6: "lasagna" finds "Lasagne"). The trigram GIN indexes
 * serve both.
 */

/** At most this many words of a search count; the rest are ignored. */
export const MAX_SEARCH_WORDS = 8;

/** The words of a search: letters and digits only, so none of them is a LIKE wildcard. */
export const searchWords = (text: string): string[] => (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_SEARCH_WORDS);

/** How a word may match: inside the text only, or also close to one of its words (a typo). */
export type SearchMode = 'inside' | 'inside_or_similar';

const wordMatches = (folded: Expression<string | null>, word: string, mode: SearchMode): RawBuilder<SqlBool> => {
  const inside = sql<SqlBool>`${folded} like '%' || canteen_fold(${word}) || '%'`;
  return mode === 'inside' ? inside : sql<SqlBool>`(${inside} or canteen_fold(${word}) <% ${folded})`;
};

/** Every word matches `folded` (text already folded by canteen_fold, such as product.search_text). */
export const matchesSearch = (folded: Expression<string | null>, words: string[], mode: SearchMode): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${sql.join(
    words.map((word) => wordMatches(folded, word, mode)),
    sql` and `,
  )})`;

/**
 * How well a search matches, as an integer for keyset cursors (higher is better): a name that starts with the
 * search first, then the name's similarity to it, then the whole text's.
 */
export const searchRank = (name: Expression<string>, folded: Expression<string | null>, words: string[]): RawBuilder<number> => {
  const query = words.join(' ');
  return sql<number>`(case when canteen_fold(${name}) like canteen_fold(${query}) || '%' then 1000 else 0 end
    + round(600 * word_similarity(canteen_fold(${query}), canteen_fold(${name})))
    + round(400 * word_similarity(canteen_fold(${query}), coalesce(${folded}, ''))))::int`;
};

/**
 * The same test for MikroORM filters (`em.find` with `raw`): every word inside `canteen_fold(folded)` or, with
 * 'inside_or_similar', close to one of its words; `also` lists columns where a word may appear as typed (an e-mail,
 * a number). Columns are SQL expressions (`u.name`); returns the SQL and its `?` parameters in order.
 */
export const searchCondition = (
  words: string[],
  mode: SearchMode,
  columns: { folded: string; also?: string[] },
): { sql: string; params: string[] } => {
  const params: string[] = [];
  const parts = words.map((word) => {
    const options = [`canteen_fold(${columns.folded}) like '%' || canteen_fold(?) || '%'`];
    params.push(word);
    if (mode === 'inside_or_similar') {
      options.push(`canteen_fold(?) <% canteen_fold(${columns.folded})`);
      params.push(word);
    }
    for (const column of columns.also ?? []) {
      options.push(`${column} ilike ?`);
      params.push(`%${word}%`);
    }
    return `(${options.join(' or ')})`;
  });
  return { sql: `(${parts.join(' and ')})`, params };
};

import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { AppError } from '../errors';

// obscenity's English dataset with its transformers catches the usual disguises (l33t, repeats, spacing).
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** "f u c k" or "f.u.c.k": runs of single letters split by spaces or dots are joined before a second look. */
const collapseSpacedLetters = (text: string): string =>
  text.replace(/\b(?:\p{L}[\s._*-]+){2,}\p{L}\b/gu, (run) => run.replace(/[\s._*-]+/g, ''));

export const containsProfanity = (text: string): boolean =>
  matcher.hasMatch(text) || matcher.hasMatch(collapseSpacedLetters(text));

export const assertClean = (text: string | null | undefined): void => {
  if (text && containsProfanity(text)) {
    throw new AppError('BAD_REQUEST', 'Please keep it friendly: the comment contains words we do not publish', {
      reason: 'PROFANITY',
    });
  }
};

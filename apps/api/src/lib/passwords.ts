import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { hashPassword, verifyPassword } from '@canteen/db';
import { PASSWORD_MIN_LENGTH } from '@canteen/shared';
import { AppError } from '../errors';

export { hashPassword, verifyPassword };

/** Verified against when the email is unknown, so both paths cost one argon2 verify. */
let dummyHash: Promise<string> | undefined;
export const burnPasswordCheck = async (password: string): Promise<void> => {
  dummyHash ??= hashPassword('canteen-timing-equaliser');
  await verifyPassword(await dummyHash, password);
};

let zxcvbn: ZxcvbnFactory | undefined;
const strengthChecker = (): ZxcvbnFactory =>
  (zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

export const MIN_PASSWORD_SCORE = 3;

/** Length and a zxcvbn strength check that also penalises the user's own name and email. */
export const assertStrongPassword = async (password: string, userInputs: string[] = []): Promise<void> => {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AppError('BAD_REQUEST', `Use at least ${PASSWORD_MIN_LENGTH} characters`, { reason: 'WEAK_PASSWORD' });
  }
  const result = await strengthChecker().checkAsync(password, userInputs);
  if (result.score < MIN_PASSWORD_SCORE) {
    const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? 'Add more unrelated words';
    throw new AppError('BAD_REQUEST', `That password is too easy to guess. ${hint}`.trim(), { reason: 'WEAK_PASSWORD' });
  }
};

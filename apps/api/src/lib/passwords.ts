import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { PASSWORD_MIN_LENGTH } from '@canteen/shared';
import { AppError } from '../errors';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// `algorithm: 2` is Argon2id (the package exports it as an ambient const enum, unusable with isolated modules).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

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

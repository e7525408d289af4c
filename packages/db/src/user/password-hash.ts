import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. `algorithm: 2` is Argon2id; the package declares it as an
// ambient const enum, which isolated modules cannot import.
const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> =>
  // oxlint-disable-next-line typescript/no-unsafe-enum-assignment
  hash(password, { ...ARGON2ID, algorithm: 2 });

/** False for a wrong password and for a malformed hash alike. */
export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { errorMessage, errorReason, fieldErrors, httpErrorMessage, suggestedSlots } from './errors';

const apiError = (message: string, data: Record<string, unknown>) =>
  TRPCClientError.from({ error: { message, code: -32000, data: { zodError: null, reason: null, ...data } } });

describe('errorMessage', () => {
  it('speaks the domain reason in plain words', () => {
    const error = apiError('', { code: 'UNAUTHORIZED', reason: 'ACCOUNT_LOCKED' });
    expect(errorReason(error)).toBe('ACCOUNT_LOCKED');
    expect(errorMessage(error)).toBe('Too many failed attempts. Wait 15 minutes and try again.');
  });

  it('says how long a sign-in lock still lasts, as the server counts it', () => {
    const error = apiError('Too many failed attempts. Try again in 12 minutes.', {
      code: 'UNAUTHORIZED',
      reason: 'ACCOUNT_LOCKED',
    });
    expect(errorMessage(error)).toBe('Too many failed attempts. Try again in 12 minutes.');
  });

  it('lets a screen word a reason for its own context', () => {
    const error = apiError('Your password is not correct', { code: 'BAD_REQUEST', reason: 'INVALID_CREDENTIALS' });
    expect(errorMessage(error, { INVALID_CREDENTIALS: 'Your current password is not correct.' })).toBe(
      'Your current password is not correct.',
    );
  });

  it('keeps the specific server hint for weak passwords', () => {
    const error = apiError('That password is too easy to guess. Add another word or two.', {
      code: 'BAD_REQUEST',
      reason: 'WEAK_PASSWORD',
    });
    expect(errorMessage(error)).toBe('That password is too easy to guess. Add another word or two.');
  });

  it('never shows the raw Zod issue list of a bad input', () => {
    const raw = JSON.stringify([{ code: 'invalid_format', path: ['email'], message: 'Invalid email address' }]);
    const error = apiError(raw, {
      code: 'BAD_REQUEST',
      zodError: { formErrors: [], fieldErrors: { email: ['Invalid email address'] } },
    });
    expect(errorMessage(error)).toBe('Check email: Invalid email address.');
    expect(errorMessage(error)).not.toContain('[');
    expect(fieldErrors(error)).toEqual({ email: 'Invalid email address' });
  });

  it('falls back to the tRPC code when there is no reason', () => {
    expect(errorMessage(apiError('boom', { code: 'INTERNAL_SERVER_ERROR' }))).toBe(
      'Something went wrong on our side. Please try again.',
    );
    expect(errorMessage(apiError('nope', { code: 'FORBIDDEN' }))).toBe("You don't have permission to do that.");
  });

  it('tells a network failure apart from a server answer', () => {
    const offline = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(errorMessage(offline)).toBe("Can't reach Canteen right now. Check your connection and try again.");
    expect(errorMessage(new Error('anything else'))).toBe('Something went wrong. Please try again.');
  });
});

describe('ordering reasons', () => {
  it('names the dish that ran out, as the server says it', () => {
    const error = apiError('Only 2 × Tiramisu left', { code: 'PRECONDITION_FAILED', reason: 'OUT_OF_STOCK' });
    expect(errorMessage(error)).toBe('Only 2 × Tiramisu left');
  });

  it('lets checkout word a missing balance with the amounts', () => {
    const error = apiError('Not enough money', { code: 'PRECONDITION_FAILED', reason: 'INSUFFICIENT_FUNDS' });
    expect(errorMessage(error)).toBe('There is not enough money in the wallet for this.');
    expect(errorMessage(error, { INSUFFICIENT_FUNDS: 'you have €2.00' })).toBe('you have €2.00');
  });

  it('explains a reused checkout key and an out-of-department action in plain words', () => {
    expect(errorMessage(apiError('x', { code: 'CONFLICT', reason: 'IDEMPOTENCY_MISMATCH' }))).toContain('different basket');
    expect(errorMessage(apiError('x', { code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' }))).toContain('outside your department');
  });
});

describe('httpErrorMessage', () => {
  it('words a plain HTTP refusal by its reason, then by its status', () => {
    expect(httpErrorMessage(401, 'SIGN_IN_REQUIRED')).toBe('Your session has ended. Please sign in again.');
    expect(httpErrorMessage(404, 'NOT_FOUND')).toBe("We couldn't find that. It may have been removed.");
    expect(httpErrorMessage(403, 'NOT_A_REASON')).toBe("You don't have permission to do that.");
    expect(httpErrorMessage(400, undefined)).toBe('Some of the details are not valid.');
    expect(httpErrorMessage(502, undefined)).toBe('Something went wrong. Please try again.');
  });
});

describe('suggestedSlots', () => {
  const free = {
    id: '0194f0c2-7d3e-7a11-8b6e-3f1d2c4b5a69',
    startsAt: '12:15',
    at: '2026-12-08T12:15:00.000Z',
    capacity: 20,
    left: 4,
    isOpen: true,
  };

  it('reads the free pickup times a full slot comes back with', () => {
    const error = apiError('That pickup time is full', {
      code: 'PRECONDITION_FAILED',
      reason: 'SLOT_FULL',
      details: { nextSlots: [free] },
    });
    expect(suggestedSlots(error)).toEqual([free]);
  });

  it('offers none when the answer names none or is not what it should be', () => {
    expect(suggestedSlots(apiError('Full', { code: 'PRECONDITION_FAILED', reason: 'SLOT_FULL', details: null }))).toEqual([]);
    expect(suggestedSlots(apiError('Full', { code: 'PRECONDITION_FAILED', details: { nextSlots: [{ id: 1 }] } }))).toEqual([]);
    expect(suggestedSlots(new Error('offline'))).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PaymentEvent, type PaymentState, applyPaymentEvent } from './payment';

const eventArb: fc.Arbitrary<PaymentEvent> = fc.oneof(
  fc.constant({ type: 'succeeded' as const }),
  fc.constant({ type: 'declined' as const }),
  fc.constant({ type: 'failed' as const }),
  fc.constant({ type: 'expired' as const }),
  fc.integer({ min: -100, max: 30_000 }).map((refundedTotalCents) => ({ type: 'refunded' as const, refundedTotalCents })),
);

/** Plays events in order, as the webhook handler does, and adds up what the ledger was told to do. */
const play = (amountCents: number, events: PaymentEvent[]) => {
  let state: PaymentState = { status: 'pending', amountCents, refundedCents: 0 };
  let credits = 0;
  let credited = 0;
  let takenBack = 0;
  for (const event of events) {
    const next = applyPaymentEvent(state, event);
    if (!next) continue;
    state = next.state;
    for (const effect of next.effects) {
      expect(effect.amountCents).toBeGreaterThan(0);
      if (effect.kind === 'credit') {
        credits += 1;
        credited += effect.amountCents;
      } else takenBack += effect.amountCents;
    }
  }
  return { state, credits, credited, takenBack };
};

describe('applyPaymentEvent', () => {
  it('credits at most once, never more than paid, and takes back exactly what the provider refunded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.array(eventArb, { maxLength: 12 }), (amount, events) => {
        const { state, credits, credited, takenBack } = play(amount, events);
        expect(credits).toBeLessThanOrEqual(1);
        expect(credited).toBe(credits === 1 ? amount : 0);
        expect(state.refundedCents).toBeGreaterThanOrEqual(0);
        expect(state.refundedCents).toBeLessThanOrEqual(amount);
        // Money moved only for a captured payment, and net movement = paid - refunded.
        if (credits === 1) expect(takenBack).toBe(state.refundedCents);
        else expect(takenBack).toBe(0);
        expect(['succeeded', 'refunded'].includes(state.status)).toBe(credits === 1);
      }),
    );
  });

  it('is idempotent: any event applied twice in a row changes nothing the second time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.array(eventArb, { maxLength: 8 }),
        eventArb,
        (amount, before, event) => {
          const { state } = play(amount, before);
          const once = applyPaymentEvent(state, event);
          expect(applyPaymentEvent(once?.state ?? state, event)).toBeNull();
        },
      ),
    );
  });

  it('keeps the credit when a late "expired" arrives after "succeeded"', () => {
    const { state, credited } = play(1_000, [{ type: 'succeeded' }, { type: 'expired' }, { type: 'declined' }]);
    expect(state.status).toBe('succeeded');
    expect(credited).toBe(1_000);
  });

  it('credits a payment that succeeds after it was marked expired (the money was taken)', () => {
    expect(play(800, [{ type: 'expired' }, { type: 'succeeded' }]).credited).toBe(800);
  });

  it('remembers a refund that arrives before the success, and takes it back when the credit lands', () => {
    const { state, credited, takenBack } = play(2_000, [{ type: 'refunded', refundedTotalCents: 500 }, { type: 'succeeded' }]);
    expect(state).toMatchObject({ status: 'refunded', refundedCents: 500 });
    expect([credited, takenBack]).toEqual([2_000, 500]);
  });
});

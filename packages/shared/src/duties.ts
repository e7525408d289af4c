import type { Role } from './constants';

/** A person as both sides know them: the signed-in user, or a row of `user.list`. */
export type DutyParty = { id: string; role: Role; departmentId: string | null };

/**
 * `read`: see a person's wallet and orders. `money`: move money in or out of their wallet (credit, adjust,
 * charge, refund their order, order for them at the till).
 */
export type DutyAction = 'read' | 'money';

/** `self`: the action would move the actor's own money; `out-of-scope`: the person is not theirs to act on. */
export type DutyVerdict = 'allowed' | 'self' | 'out-of-scope';

/**
 * Separation of duties (docs/PRODUCT.md §2): everyone reads their own wallet and orders, but nobody moves money for
 * themself, admins included. Admins act on everyone else; a manager acts only on the employees of their own
 * department, never on another manager or an admin; anyone else on nobody but themself. Kitchen staff have no
 * wallet for anyone to act on.
 */
export const dutyVerdict = (actor: DutyParty, target: DutyParty, action: DutyAction): DutyVerdict => {
  if (actor.id === target.id) return action === 'read' ? 'allowed' : 'self';
  // Kitchen staff have no wallet and no orders: there is no money of theirs to read or move.
  if (target.role === 'kitchen') return 'out-of-scope';
  if (actor.role === 'admin') return 'allowed';
  const isOwnEmployee =
    actor.role === 'manager' &&
    target.role === 'employee' &&
    actor.departmentId !== null &&
    target.departmentId === actor.departmentId;
  return isOwnEmployee ? 'allowed' : 'out-of-scope';
};

export const canActOn = (actor: DutyParty, target: DutyParty, action: DutyAction): boolean =>
  dutyVerdict(actor, target, action) === 'allowed';

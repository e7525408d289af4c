import { describe, expect, it } from 'vitest';
import { type DutyParty, canActOn, dutyVerdict } from './duties';

const party = (id: string, role: DutyParty['role'], departmentId: string | null): DutyParty => ({ id, role, departmentId });
const employee = party('e1', 'employee', 'eng');
const colleague = party('e2', 'employee', 'eng');
const outsider = party('e3', 'employee', 'ops');
const manager = party('m1', 'manager', 'eng');
const peerManager = party('m2', 'manager', 'eng');
const localAdmin = party('a1', 'admin', 'eng');
const admin = party('a2', 'admin', null);

describe('dutyVerdict', () => {
  it('lets everyone read their own wallet and orders, and nobody move their own money', () => {
    for (const someone of [employee, manager, admin]) {
      expect(dutyVerdict(someone, someone, 'read')).toBe('allowed');
      expect(dutyVerdict(someone, someone, 'money')).toBe('self');
    }
  });

  it('lets a manager act on the employees of their own department only', () => {
    expect(canActOn(manager, employee, 'money')).toBe(true);
    expect(canActOn(manager, colleague, 'read')).toBe(true);
    for (const target of [outsider, peerManager, localAdmin, admin]) {
      for (const action of ['read', 'money'] as const) expect(dutyVerdict(manager, target, action)).toBe('out-of-scope');
    }
    expect(canActOn(party('m3', 'manager', null), party('e4', 'employee', null), 'read')).toBe(false);
  });

  it('lets an admin act on everyone else, other admins included', () => {
    for (const target of [employee, outsider, manager, localAdmin]) expect(canActOn(admin, target, 'money')).toBe(true);
  });

  it('gives employees nobody but themself', () => {
    for (const target of [colleague, manager, admin]) expect(dutyVerdict(employee, target, 'read')).toBe('out-of-scope');
  });
});

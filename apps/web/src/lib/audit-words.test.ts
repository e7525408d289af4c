import { describe, expect, it } from 'vitest';
import { aboutWords, actionWords, actorWords, entityWords } from './audit-words';

const ID = '0194f0c2-7d3e-7a11-8b6e-3f1d2c4b5a69';

describe('audit entries in words', () => {
  it('words known actions and reads unknown ones by their parts', () => {
    expect(actionWords('wallet.credit')).toBe('Credited a wallet');
    expect(actionWords('auth.login_failed')).toBe('Failed sign-in');
    expect(actionWords('payment.webhook.stripe')).toBe('Payment provider update');
    expect(actionWords('kitchen.setStatus')).toBe('Kitchen: set status');
    expect(actionWords('menuPlan')).toBe('Menu plan');
  });

  it('names who did it, or why nobody is named', () => {
    const entry = { actorId: ID, actorName: 'Ada Admin', actorEmail: 'admin@canteen.test', action: 'user.update' };
    expect(actorWords(entry)).toBe('Ada Admin');
    expect(actorWords({ ...entry, actorName: null })).toBe('admin@canteen.test');
    expect(actorWords({ ...entry, actorName: null, actorEmail: null })).toBe('Someone no longer listed');
    expect(actorWords({ actorId: null, actorName: null, actorEmail: null, action: 'auth.login_failed' })).toBe('Not signed in');
    expect(actorWords({ actorId: null, actorName: null, actorEmail: null, action: 'payment.expire' })).toBe(
      'Canteen (automatic)',
    );
  });

  it('says what an entry is about: its label, else its kind and a short id', () => {
    expect(aboutWords({ entity: 'Product', entityId: ID, entityLabel: 'Lentil soup' })).toBe('Lentil soup');
    expect(aboutWords({ entity: 'WalletEntry', entityId: ID, entityLabel: null })).toBe('Wallet entry …2c4b5a69');
    expect(aboutWords({ entity: 'System', entityId: null, entityLabel: null })).toBe('System');
    expect(entityWords('KitchenTicket')).toBe('kitchen ticket');
  });
});

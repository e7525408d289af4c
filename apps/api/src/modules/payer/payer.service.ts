import type { EntityManager } from '@mikro-orm/postgresql';
import { Payer, type User } from '@canteen/db';
import type { CreatePayerInput, PayerDto } from '@canteen/shared';
import { mayUsePayer } from '@canteen/shared';
import { AppError } from '../../errors';
import { requireRole } from '../../lib/access';
import type { ContextInner } from '../../trpc/context';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

const toPayerDto = (payer: Payer): PayerDto => ({
  id: payer.id,
  name: payer.name,
  kind: payer.kind,
  departmentId: payer.department?.id ?? null,
});

/**
 * The payer a credit or charge draws on, if the actor may use it: managers only their own department's budget or
 * a promotion (the rule is `mayUsePayer` in @canteen/shared, which the web's payer picker uses too); admins any.
 */
export const findUsablePayer = async (em: EntityManager, actor: User, payerId: string): Promise<Payer> => {
  const payer = await em.findOneOrFail(Payer, payerId);
  const isAllowed = mayUsePayer(
    { role: actor.role, departmentId: actor.department?.id ?? null },
    { kind: payer.kind, departmentId: payer.department?.id ?? null },
  );
  if (!isAllowed) {
    throw new AppError('FORBIDDEN', 'Managers can only credit from their department budget or a promotion', {
      reason: 'OUT_OF_SCOPE',
    });
  }
  return payer;
};

export const listPayers = async (ctx: Ctx): Promise<PayerDto[]> => {
  requireRole(ctx.user, 'user');
  const payers = await ctx.em.find(Payer, {}, { orderBy: { kind: 'asc', name: 'asc' } });
  return payers.map(toPayerDto);
};

export const createPayer = async (ctx: Ctx, input: CreatePayerInput): Promise<PayerDto> => {
  requireRole(ctx.user, 'admin');
  if (await ctx.em.count(Payer, { name: input.name }))
    throw new AppError('CONFLICT', 'A payer with that name exists', { reason: 'CONFLICT' });
  const payer = ctx.em.create(Payer, { name: input.name, kind: input.kind, department: input.departmentId });
  await ctx.em.flush();
  return toPayerDto(payer);
};

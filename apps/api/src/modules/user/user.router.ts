import type { TRPCRouterRecord } from '@trpc/server';
import {
  ByIdInputSchema,
  CreateUserInputSchema,
  ResetLinkOutputSchema,
  UpdateUserInputSchema,
  UserDtoSchema,
  UserListInputSchema,
  UserPageSchema,
} from '@canteen/shared';
import { adminProcedure, managerProcedure } from '../../trpc/init';
import { createResetLink, createUser, getUserById, listUsers, updateUser } from './user.service';

export const userRouter = {
  list: managerProcedure
    .input(UserListInputSchema)
    .output(UserPageSchema)
    .query(({ ctx, input }) => listUsers(ctx, input)),
  byId: managerProcedure
    .input(ByIdInputSchema)
    .output(UserDtoSchema)
    .query(({ ctx, input }) => getUserById(ctx, input.id)),
  create: adminProcedure
    .input(CreateUserInputSchema)
    .output(UserDtoSchema)
    .mutation(({ ctx, input }) => createUser(ctx, input)),
  update: adminProcedure
    .input(UpdateUserInputSchema)
    .output(UserDtoSchema)
    .mutation(({ ctx, input }) => updateUser(ctx, input)),
  resetLink: adminProcedure
    .input(ByIdInputSchema)
    .output(ResetLinkOutputSchema)
    .mutation(({ ctx, input }) => createResetLink(ctx, input.id)),
} satisfies TRPCRouterRecord;

import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  ByIdInputSchema,
  CreateDepartmentInputSchema,
  DepartmentDtoSchema,
  DepartmentListInputSchema,
  DepartmentPageSchema,
  UpdateDepartmentInputSchema,
} from '@canteen/shared';
import { adminProcedure, protectedProcedure } from '../../trpc/init';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './department.service';

export const departmentRouter = {
  list: protectedProcedure
    .input(DepartmentListInputSchema)
    .output(DepartmentPageSchema)
    .query(({ ctx, input }) => listDepartments(ctx, input)),
  create: adminProcedure
    .input(CreateDepartmentInputSchema)
    .output(DepartmentDtoSchema)
    .mutation(({ ctx, input }) => createDepartment(ctx, input)),
  update: adminProcedure
    .input(UpdateDepartmentInputSchema)
    .output(DepartmentDtoSchema)
    .mutation(({ ctx, input }) => updateDepartment(ctx, input)),
  delete: adminProcedure
    .input(ByIdInputSchema)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteDepartment(ctx, input.id)),
} satisfies TRPCRouterRecord;

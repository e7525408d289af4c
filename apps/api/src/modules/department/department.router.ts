import type { TRPCRouterRecord } from '@trpc/server';
import {
  ByIdInputSchema,
  CreateDepartmentInputSchema,
  DepartmentDtoSchema,
  DepartmentListInputSchema,
  DepartmentPageSchema,
  UpdateDepartmentInputSchema,
  OkSchema,
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
    .output(OkSchema)
    .mutation(({ ctx, input }) => deleteDepartment(ctx, input.id)),
} satisfies TRPCRouterRecord;

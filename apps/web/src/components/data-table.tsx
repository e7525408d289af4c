import { Fragment, type ReactNode } from 'react';
import { cn } from '../lib/utils';
import { TBody, TD, TH, THead, TR, Table } from './table';

export type Column<T> = {
  header: string;
  /** Keep the header for screen readers only (an actions column). */
  isHeaderHidden?: boolean;
  cell: (row: T) => ReactNode;
  /** Alignment and responsive hiding, for the header and the cells alike. */
  className?: string;
  headerClassName?: string;
  cellClassName?: string | ((row: T) => string | false | undefined);
};

type DataTableProps<T extends { id: string }> = {
  /** What the table lists, for screen readers. */
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowClassName?: (row: T) => string | false | undefined;
  /** Anything shown under a row across the table (e.g. its expanded details row), or null. */
  detail?: (row: T) => ReactNode;
};

/** A list page's table: one column definition per column, one row per item. */
export const DataTable = <T extends { id: string }>({ caption, rows, columns, rowClassName, detail }: DataTableProps<T>) => (
  <Table>
    <caption className="sr-only">{caption}</caption>
    <THead>
      <tr>
        {columns.map((column) => (
          <TH key={column.header} className={cn(column.className, column.headerClassName)}>
            {column.isHeaderHidden ? <span className="sr-only">{column.header}</span> : column.header}
          </TH>
        ))}
      </tr>
    </THead>
    <TBody>
      {rows.map((row) => (
        <Fragment key={row.id}>
          <TR className={rowClassName?.(row) || undefined}>
            {columns.map((column) => (
              <TD
                key={column.header}
                className={cn(
                  column.className,
                  typeof column.cellClassName === 'function' ? column.cellClassName(row) : column.cellClassName,
                )}
              >
                {column.cell(row)}
              </TD>
            ))}
          </TR>
          {detail?.(row)}
        </Fragment>
      ))}
    </TBody>
  </Table>
);

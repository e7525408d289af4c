import { Search } from 'lucide-react';
import type { ComponentProps } from 'react';
import type { SearchBox } from '../lib/use-list';
import { cn } from '../lib/utils';
import { Input } from './input';

/** A search box with its magnifier icon; `wrapperClassName` places it in a grid or row. */
export const SearchInput = ({
  wrapperClassName,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'type'> & { wrapperClassName?: string }) => (
  <div className={cn('relative', wrapperClassName)}>
    <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-500" />
    <Input type="search" className={cn('pl-9', className)} {...props} />
  </div>
);

type ListSearchBarProps = { search: SearchBox; label: string; placeholder: string };

/** The search bar above a list, wired to `useSearchBox`. */
export const ListSearchBar = ({ search, label, placeholder }: ListSearchBarProps) => (
  <div className="border-b border-zinc-100 p-4 sm:px-6">
    <SearchInput wrapperClassName="max-w-sm" aria-label={label} placeholder={placeholder} {...search.inputProps} />
  </div>
);

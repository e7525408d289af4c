import { type UserDto, canActOn } from '@canteen/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Search, UserRound } from 'lucide-react';
import { useId, useState } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import { Hint } from './field';
import { Input } from './input';
import { Spinner } from './spinner';
import { useSession } from '../lib/auth';
import { errorMessage } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { useDebouncedValue } from '../lib/use-debounced-value';

const RESULTS = 8;

type EmployeePickerProps = {
  label: string;
  value: UserDto | null;
  onChange: (person: UserDto | null) => void;
  hint?: string;
};

/**
 * Finds a person by name, email or employee number and picks one, offering only people the signed-in user may
 * move money for (a manager: the employees of their department; an admin: anyone but themself; the API has
 * the final word). Results are plain buttons, so it works the same with a keyboard and a screen reader.
 */
export const EmployeePicker = ({ label, value, onChange, hint }: EmployeePickerProps) => {
  const id = useId();
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user : null;
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 250);
  const query = useQuery({
    ...trpc.user.list.queryOptions({
      limit: RESULTS,
      ...(me?.role === 'manager' ? { role: 'employee' as const } : {}),
      ...(search ? { search } : {}),
    }),
    placeholderData: keepPreviousData,
    enabled: value === null,
  });

  if (value) {
    return (
      <div className="grid gap-1.5">
        <p className="text-sm font-medium text-zinc-900">{label}</p>
        <div className="flex items-center justify-between gap-3 rounded-lg border border-emerald-200 bg-emerald-50/60 px-3.5 py-2.5">
          <div className="flex min-w-0 items-center gap-3">
            <UserRound aria-hidden className="size-5 shrink-0 text-emerald-700" />
            <div className="grid min-w-0">
              <span data-testid="picked-person" className="truncate font-medium text-zinc-900">
                {value.name}
              </span>
              <span className="truncate text-xs text-zinc-600">
                {value.email} · {value.employeeNumber}
                {value.departmentName ? ` · ${value.departmentName}` : ''}
              </span>
            </div>
          </div>
          <Button variant="secondary" size="sm" onClick={() => onChange(null)}>
            Change
          </Button>
        </div>
      </div>
    );
  }

  const people = (query.data?.items ?? []).filter((person) => me !== null && canActOn(me, person, 'money'));
  return (
    <div className="grid gap-1.5">
      <label htmlFor={`${id}-search`} className="text-sm font-medium text-zinc-900">
        {label}
      </label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-500" />
        <Input
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          placeholder="Name, email or employee number"
          aria-describedby={hint ? `${id}-hint` : undefined}
          aria-controls={`${id}-results`}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          className="pl-9"
        />
        {query.isFetching ? (
          <span className="absolute top-1/2 right-3 -translate-y-1/2 text-zinc-500">
            <Spinner label="Searching" className="size-3.5" />
          </span>
        ) : null}
      </div>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {query.isError ? <Alert>{errorMessage(query.error)}</Alert> : null}
      <ul
        id={`${id}-results`}
        aria-label={`Matching people`}
        aria-live="polite"
        className="grid max-h-72 divide-y divide-zinc-100 overflow-y-auto rounded-lg border border-zinc-200 bg-white"
      >
        {query.isPending ? (
          <li className="px-3.5 py-3 text-sm text-zinc-600">Loading people…</li>
        ) : people.length === 0 ? (
          <li className="px-3.5 py-3 text-sm text-zinc-600">Nobody matches “{search}”.</li>
        ) : (
          people.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                disabled={!person.isActive}
                onClick={() => onChange(person)}
                className="grid w-full gap-0.5 px-3.5 py-2 text-left transition-colors hover:bg-emerald-50 focus-visible:bg-emerald-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-emerald-600 disabled:cursor-not-allowed disabled:opacity-60"
              >
                <span className="text-sm font-medium text-zinc-900">
                  {person.name}
                  {person.isActive ? null : <span className="font-normal text-zinc-600"> (inactive)</span>}
                </span>
                <span className="text-xs text-zinc-600">
                  {person.email} · {person.employeeNumber}
                  {person.departmentName ? ` · ${person.departmentName}` : ''}
                </span>
              </button>
            </li>
          ))
        )}
      </ul>
    </div>
  );
};

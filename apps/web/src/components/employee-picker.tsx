import { type UserDto, canActOn } from '@canteen/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { ChevronsUpDown, Search, UserRound } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { controlClasses } from './control-classes';
import { Hint, Label } from './field';
import { Popover, PopoverContent, PopoverTrigger } from './popover';
import { Spinner } from './spinner';
import { useSession } from '../lib/auth';
import { errorMessage } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { cn } from '../lib/utils';

const RESULTS = 8;

type EmployeePickerProps = {
  label: string;
  value: UserDto | null;
  onChange: (person: UserDto | null) => void;
  hint?: string;
  /**
   * What the pick is for: moving money (the default: only people one may credit or charge, active ones), reading
   * (also oneself and deactivated people, e.g. for a statement), or `anyone` `user.list` gives (the audit filter).
   */
  purpose?: 'money' | 'read' | 'anyone';
};

const PersonDetails = ({ person }: { person: UserDto }) => (
  <>
    {person.email} · {person.employeeNumber}
    {person.departmentName ? ` · ${person.departmentName}` : ''}
  </>
);

/**
 * Finds a person by name, email or employee number and picks one, offering only people the signed-in user may
 * move money for (a manager: the employees of their department; an admin: anyone but themself), for
 * `purpose="read"` read about, or for `purpose="anyone"` everyone `user.list` gives them (the API has the final
 * word). A combobox: the button shows who is picked and opens a search box over a list of matches
 * (cmdk in a Popover), with ↑ ↓ to move, Enter to pick and Escape to close. The server does the searching.
 */
export const EmployeePicker = ({ label, value, onChange, hint, purpose = 'money' }: EmployeePickerProps) => {
  const { t } = useTranslation('common');
  const id = useId();
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user : null;
  const [isOpen, setIsOpen] = useState(false);
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 250);
  const query = useQuery({
    ...trpc.user.list.queryOptions({
      limit: RESULTS,
      ...(me?.role === 'manager' && purpose === 'money' ? { role: 'employee' as const } : {}),
      ...(search ? { search } : {}),
    }),
    placeholderData: keepPreviousData,
    // Ready before the list opens while nobody is picked; afterwards only while changing the pick.
    enabled: value === null || isOpen,
  });
  const people = (query.data?.items ?? []).filter(
    (person) => me !== null && (purpose === 'anyone' || canActOn(me, person, purpose)),
  );

  const pick = (person: UserDto) => {
    onChange(person);
    setIsOpen(false);
  };

  return (
    <div className="grid gap-1.5">
      <Label id={`${id}-label`} htmlFor={`${id}-trigger`}>
        {label}
      </Label>
      <Popover open={isOpen} onOpenChange={setIsOpen}>
        <PopoverTrigger
          id={`${id}-trigger`}
          role="combobox"
          aria-haspopup="listbox"
          aria-labelledby={`${id}-label`}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && !isOpen) {
              event.preventDefault();
              setIsOpen(true);
            }
          }}
          className={cn(
            controlClasses,
            'flex min-h-10 items-center gap-3 py-2 text-left',
            value ? 'border-emerald-200 bg-emerald-50/60' : 'text-zinc-500',
          )}
        >
          {value ? (
            <>
              <UserRound aria-hidden className="size-5 shrink-0 text-emerald-700" />
              <span className="grid min-w-0 flex-1">
                <span data-testid="picked-person" className="truncate font-medium text-zinc-900">
                  {value.name}
                </span>
                <span className="truncate text-xs text-zinc-600">
                  <PersonDetails person={value} />
                </span>
              </span>
              <span className="shrink-0 text-xs font-medium text-emerald-800">{t('picker.change')}</span>
            </>
          ) : (
            <>
              <Search aria-hidden className="size-4 shrink-0" />
              <span className="flex-1 truncate">{t('picker.placeholder')}</span>
            </>
          )}
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-zinc-500" />
        </PopoverTrigger>
        <PopoverContent className="w-[var(--radix-popover-trigger-width)] min-w-72 p-0">
          <Command shouldFilter={false} loop label={t('picker.search')}>
            <div className="relative border-b border-zinc-100">
              <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-500" />
              <Command.Input
                value={searchText}
                onValueChange={setSearchText}
                placeholder={t('picker.placeholder')}
                className="h-10 w-full rounded-t-lg bg-transparent pr-9 pl-9 text-sm text-zinc-900 placeholder:text-zinc-500 focus:outline-none"
              />
              {query.isFetching ? (
                <span className="absolute top-1/2 right-3 -translate-y-1/2 text-zinc-500">
                  <Spinner label={t('picker.searching')} className="size-3.5" />
                </span>
              ) : null}
            </div>
            {query.isError ? (
              <div className="p-2">
                <Alert>{errorMessage(query.error)}</Alert>
              </div>
            ) : null}
            <Command.List label={t('picker.matches')} className="max-h-72 overflow-y-auto p-1">
              {query.isPending ? (
                <Command.Loading label={t('picker.loading')}>
                  <p className="px-2.5 py-2 text-sm text-zinc-600">{t('picker.loadingText')}</p>
                </Command.Loading>
              ) : (
                <Command.Empty className="px-2.5 py-2 text-sm text-zinc-600">{t('picker.noMatch', { search })}</Command.Empty>
              )}
              {people.map((person) => (
                <Command.Item
                  key={person.id}
                  value={person.id}
                  disabled={purpose === 'money' && !person.isActive}
                  onSelect={() => pick(person)}
                  className="grid cursor-default gap-0.5 rounded-md px-2.5 py-2 text-left data-[disabled=true]:cursor-not-allowed data-[disabled=true]:opacity-60 data-[selected=true]:bg-emerald-50"
                >
                  <span className="text-sm font-medium text-zinc-900">
                    {person.name}
                    {person.isActive ? null : <span className="font-normal text-zinc-600">{` ${t('picker.inactive')}`}</span>}
                  </span>
                  <span className="text-xs text-zinc-600">
                    <PersonDetails person={person} />
                  </span>
                </Command.Item>
              ))}
            </Command.List>
          </Command>
        </PopoverContent>
      </Popover>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
    </div>
  );
};

import type { UserDto } from '@canteen/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { DayRangeFields } from '../../components/day-range-fields';
import { EmployeePicker } from '../../components/employee-picker';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { Select, type SelectOption } from '../../components/select';
import { AUDIT_ENTITIES, type AuditEntity } from '../../lib/audit-entities';
import { hasAuditFilters } from '../../lib/audit-filters';
import { AUDIT_ACTIONS, actionWords, entityWords, isKnownAction, shortId } from '../../lib/audit-words';
import type { AuditSearch } from '../../lib/search-params';
import { trpc } from '../../lib/trpc';
import { useCommittedText } from '../../lib/use-committed-text';

const ANY = 'any';
const entityOptions = (anything: string): SelectOption<AuditEntity | typeof ANY>[] => [
  { value: ANY, label: anything },
  ...AUDIT_ENTITIES.map((entity) => ({ value: entity, label: entityWords(entity) })),
];
/** Suggestions for the action box: each area (what an action starts with) and every action the log knows. */
const ACTION_SUGGESTIONS: string[] = [
  ...new Set(AUDIT_ACTIONS.map((action) => `${action.split('.')[0] ?? ''}.`)),
  ...AUDIT_ACTIONS,
];

type AuditFilterBarProps = {
  search: AuditSearch;
  /** `isTyping`: a change while typing, which replaces the address instead of adding a step to Back. */
  onChange: (search: AuditSearch, isTyping?: boolean) => void;
};

/** The audit log's filters, all kept in the address: who, about what, which action, from and to which day. */
export const AuditFilterBar = ({ search, onChange }: AuditFilterBarProps) => {
  const { t } = useTranslation('audit');
  const id = useId();
  const queryClient = useQueryClient();
  const actor = useQuery({ ...trpc.user.byId.queryOptions({ id: search.actor ?? '' }), enabled: search.actor !== undefined });
  const action = useCommittedText(search.action ?? '', (text) => onChange({ ...search, action: text || undefined }, true));
  const pickActor = (person: UserDto | null) => {
    if (person) queryClient.setQueryData(trpc.user.byId.queryKey({ id: person.id }), person);
    onChange({ ...search, actor: person?.id });
  };
  return (
    <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-3">
      <div className="flex items-end gap-1.5 self-start">
        <div className="min-w-0 flex-1">
          <EmployeePicker
            label={t('filters.doneBy')}
            purpose="anyone"
            value={search.actor ? (actor.data ?? null) : null}
            onChange={pickActor}
            hint={search.actor && actor.isError ? t('filters.noLongerListed') : undefined}
          />
        </div>
        {search.actor ? (
          <Button
            variant="ghost"
            size="icon"
            className="mb-0.5"
            aria-label={t('filters.clearActor')}
            onClick={() => pickActor(null)}
          >
            <X aria-hidden />
          </Button>
        ) : null}
      </div>
      <Field label={t('filters.about')}>
        <Select
          value={search.entity ?? ANY}
          onValueChange={(entity) => onChange({ ...search, entity: entity === ANY ? undefined : entity })}
          options={entityOptions(t('filters.anything'))}
        />
      </Field>
      <Field label={t('filters.actionStartsWith')} hint={t('filters.actionHint')}>
        <Input type="search" autoComplete="off" list={`${id}-actions`} {...action} />
      </Field>
      <datalist id={`${id}-actions`}>
        {ACTION_SUGGESTIONS.map((suggestion) => (
          <option key={suggestion} value={suggestion}>
            {isKnownAction(suggestion) ? actionWords(suggestion) : t('filters.everyActionStartingSo')}
          </option>
        ))}
      </datalist>
      <DayRangeFields value={search} onChange={(range) => onChange({ ...search, ...range })} />
      <div className="flex flex-wrap items-end justify-between gap-2 sm:col-span-2 lg:col-span-2">
        {search.about ? (
          <p className="flex items-center gap-1 text-sm text-zinc-700">
            {t('filters.onlyAbout')}{' '}
            <span className="font-mono text-xs" title={search.about}>
              {shortId(search.about)}
            </span>
            <Button
              variant="ghost"
              size="icon"
              className="size-7"
              aria-label={t('filters.clearAbout')}
              onClick={() => onChange({ ...search, about: undefined })}
            >
              <X aria-hidden />
            </Button>
          </p>
        ) : null}
        <Button variant="secondary" className="ml-auto" disabled={!hasAuditFilters(search)} onClick={() => onChange({})}>
          {t('clearFilters')}
        </Button>
      </div>
    </div>
  );
};

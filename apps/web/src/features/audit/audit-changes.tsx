import type { AuditEntryDto } from '@canteen/shared';
import { ArrowRight, EyeOff, Minus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge';
import { type ChangeKind, type FieldChange, type ShownValue, auditDiff } from '../../lib/audit-diff';
import { aboutWords, actionWords } from '../../lib/audit-words';
import { formatDateTime } from '../../lib/format';
import { cn } from '../../lib/utils';

/** Each kind of change says what it is in words (`changes.kinds.<kind>`) and with an icon, not only by its colour. */
const KINDS: Record<ChangeKind, { icon: typeof Plus; tone: 'green' | 'red' | 'amber'; rowClassName: string }> = {
  added: { icon: Plus, tone: 'green', rowClassName: 'bg-emerald-50/50' },
  removed: { icon: Minus, tone: 'red', rowClassName: 'bg-red-50/50' },
  changed: { icon: ArrowRight, tone: 'amber', rowClassName: 'bg-amber-50/40' },
};

const COLUMNS = 'sm:grid-cols-[minmax(7rem,0.8fr)_6.5rem_minmax(0,1.2fr)_minmax(0,1.2fr)]';

const Value = ({ label, value, isOld }: { label: string; value: ShownValue | null; isOld: boolean }) => {
  const Tag = isOld ? 'del' : 'ins';
  return (
    // On a phone an added field has no "before" and a removed one no "after": the empty side is left out there.
    <div className={cn('min-w-0 text-sm break-words text-zinc-800', value === null && 'hidden sm:block')}>
      <span className="mr-1 text-xs text-zinc-600 sm:sr-only">{label}:</span>
      {value === null ? (
        <span className="text-zinc-600">—</span>
      ) : value.isHidden ? (
        <span className="inline-flex items-center gap-1 text-zinc-600 italic">
          <EyeOff aria-hidden className="size-3.5" />
          {value.text}
        </span>
      ) : (
        <Tag title={value.title} className={cn('no-underline', isOld && 'text-zinc-700 line-through decoration-red-500/70')}>
          {value.text}
        </Tag>
      )}
    </div>
  );
};

const ChangeRow = ({ change }: { change: FieldChange }) => {
  const { t } = useTranslation('audit');
  const kind = KINDS[change.kind];
  return (
    <li className={cn('grid gap-1 px-3 py-2 sm:items-baseline sm:gap-3', COLUMNS, kind.rowClassName)}>
      {/* One line on a phone; two grid cells from sm up. */}
      <div className="flex items-center justify-between gap-2 sm:contents">
        <span className="text-sm font-medium text-zinc-900" title={change.field}>
          {change.label}
        </span>
        <span>
          <Badge tone={kind.tone}>
            <kind.icon aria-hidden className="size-3" />
            {t(`changes.kinds.${change.kind}`)}
          </Badge>
        </span>
      </div>
      <Value label={t('changes.before')} value={change.before} isOld />
      <Value label={t('changes.after')} value={change.after} isOld={false} />
    </li>
  );
};

/**
 * An entry's before and after as one row per field that differs. The list scrolls within a bounded box, so it is
 * a named region that takes keyboard focus (axe `scrollable-region-focusable`).
 */
export const AuditChanges = ({ entry }: { entry: AuditEntryDto }) => {
  const { t } = useTranslation('audit');
  const changes = auditDiff(entry.before, entry.after);
  if (changes.length === 0) {
    return <p className="text-sm text-zinc-600">{t('changes.none')}</p>;
  }
  return (
    <div
      role="region"
      aria-label={t('changes.region', {
        action: actionWords(entry.action),
        about: aboutWords(entry),
        at: formatDateTime(entry.at),
      })}
      tabIndex={0}
      className="max-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
    >
      <div
        aria-hidden
        className={cn(
          'sticky top-0 hidden border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs font-medium tracking-wide text-zinc-600 uppercase sm:grid sm:gap-3',
          COLUMNS,
        )}
      >
        <span>{t('changes.field')}</span>
        <span>{t('changes.change')}</span>
        <span>{t('changes.before')}</span>
        <span>{t('changes.after')}</span>
      </div>
      <ul aria-label={t('changes.list')} className="divide-y divide-zinc-100">
        {changes.map((change) => (
          <ChangeRow key={change.field} change={change} />
        ))}
      </ul>
    </div>
  );
};

import { useMutation } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { toast } from 'sonner';
import { useTranslation } from 'react-i18next';
import { type CsvDownload, CsvDownloadError, downloadCsv } from '../lib/download-csv';
import { Button } from './button';

type DownloadCsvButtonProps = {
  /** What to download, or null while there is nothing to ask for (an invalid period). */
  download: CsvDownload | null;
  /** What the file holds, for the button's name: "Download CSV of top dishes". */
  what: string;
  label?: string;
  variant?: 'secondary' | 'primary';
};

/** A section's "Download CSV": fetches the export with the session's token and saves it; a refusal is a toast. */
export const DownloadCsvButton = ({ download, what, label: givenLabel, variant = 'secondary' }: DownloadCsvButtonProps) => {
  const { t } = useTranslation(['common', 'errors']);
  const label = givenLabel ?? t('download.csv');
  const mutation = useMutation({
    mutationFn: downloadCsv,
    onError: (error) => toast.error(error instanceof CsvDownloadError ? error.message : t('errors:generic')),
  });
  return (
    <Button
      variant={variant}
      size="sm"
      aria-label={t('download.label', { label, what })}
      disabled={download === null}
      isLoading={mutation.isPending}
      onClick={() => download && mutation.mutate(download)}
    >
      {mutation.isPending ? null : <Download aria-hidden />}
      {label}
    </Button>
  );
};

import { useMutation } from '@tanstack/react-query';
import { downloadJson } from './download';
import { exportFileName } from './privacy';
import { trpc } from './trpc';

/**
 * Exports everything Canteen holds about a person (privacy.export, audited on every call) and downloads it as
 * JSON: one's own without `userId`, or (admins) someone else's, with their email in the file name. A refusal is in
 * `error` (say it with `errorMessage`).
 */
export const usePrivacyExport = () =>
  useMutation(
    trpc.privacy.export.mutationOptions({
      onSuccess: (data, input) => {
        downloadJson(data, exportFileName(new Date(data.exportedAt), input.userId ? data.profile.email : undefined));
      },
    }),
  );

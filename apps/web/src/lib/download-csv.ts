import { ensureFreshToken, getAccessToken, getSession, refreshSession } from './auth';
import { saveBlob } from './download';
import { httpErrorMessage } from './errors';
import { i18next } from './i18n';

/** The API's CSV exports (`GET /export/<name>.csv`, apps/api/src/modules/report/report.csv.ts). */
export type CsvExport =
  | 'revenue'
  | 'revenue-weekly'
  | 'top-dishes'
  | 'sales-by-category'
  | 'spend-by-department'
  | 'funding'
  | 'statements'
  | 'audit'
  | 'wallet-history'
  | 'production-sheet';

export type CsvDownload = {
  name: CsvExport;
  /** The export's input, as the procedure of the same report takes it; undefined values are left out. */
  params: Record<string, string | number | undefined>;
  fileName: string;
};

/** `/export/<name>.csv?a=1&b=2`, leaving out parameters that are not set (undefined or empty). */
export const csvUrl = (name: CsvExport, params: CsvDownload['params']): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `/export/${name}.csv?${text}` : `/export/${name}.csv`;
};

/** A download that did not happen; its message says why in plain words. */
export class CsvDownloadError extends Error {}

const fetchExport = (url: string): Promise<Response> => {
  const token = getAccessToken();
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
};

const refusal = async (response: Response): Promise<CsvDownloadError> => {
  const body: unknown = await response.json().catch(() => null);
  const reason =
    body && typeof body === 'object' && 'reason' in body && typeof body.reason === 'string' ? body.reason : undefined;
  return new CsvDownloadError(httpErrorMessage(response.status, reason));
};

/**
 * Downloads a CSV export and saves it as `fileName`. The exports answer only to the Bearer access token (like
 * tRPC; the refresh cookie is for `auth.refresh` alone), so a plain link cannot work: the file is fetched with
 * the token and saved from a Blob. A token about to expire is refreshed first, and a 401 refreshes and retries
 * once, as the tRPC client's session link does.
 */
export const downloadCsv = async ({ name, params, fileName }: CsvDownload): Promise<void> => {
  const url = csvUrl(name, params);
  let response: Response;
  try {
    await ensureFreshToken();
    response = await fetchExport(url);
    if (response.status === 401 && getSession().status === 'signedIn' && (await refreshSession())) {
      response = await fetchExport(url);
    }
  } catch {
    throw new CsvDownloadError(i18next.t('errors:network'));
  }
  if (!response.ok) throw await refusal(response);
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    // The connection broke while the file streamed in.
    throw new CsvDownloadError(i18next.t('errors:network'));
  }
  saveBlob(blob, fileName);
};

import { ensureFreshToken, getAccessToken, refreshSession } from './auth';

/** `path?a=1&b=2`, leaving out parameters that are not set. */
export const csvUrl = (path: string, params: Record<string, string | undefined>): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

const fetchCsv = async (url: string): Promise<Response> => {
  const token = getAccessToken();
  try {
    return await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  } catch {
    throw new Error("Can't reach Canteen right now. Check your connection and try again.");
  }
};

/** The reason the export gave (`{ error }`), or a plain one when it gave none. */
const failureMessage = async (response: Response): Promise<string> => {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON: fall through.
  }
  return `The download failed (HTTP ${response.status}). Please try again.`;
};

/**
 * Downloads one of the API's CSV exports (`GET /export/<name>.csv?…`) with the access token the tRPC client
 * uses, refreshed first if stale and once more on a 401, and saves it as `filename`. The CSV routes are plain
 * HTTP beside tRPC, so a link cannot carry the Bearer token: the file is fetched and saved from a Blob.
 * Rejects with an Error whose message is fit to show.
 */
export const downloadCsv = async (path: string, params: Record<string, string | undefined>, filename: string): Promise<void> => {
  const url = csvUrl(path, params);
  await ensureFreshToken();
  let response = await fetchCsv(url);
  if (response.status === 401 && (await refreshSession())) response = await fetchCsv(url);
  if (!response.ok) throw new Error(await failureMessage(response));
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 1_000);
  }
};

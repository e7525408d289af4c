/**
 * Saves a Blob as a file: behind an object URL, clicked through a temporary <a download>. The URL is revoked once
 * the browser has had the click (revoking at once can cancel the download).
 */
export const saveBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
};

/** Saves `data` as a pretty-printed JSON file. */
export const downloadJson = (data: unknown, fileName: string): void =>
  saveBlob(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }), fileName);

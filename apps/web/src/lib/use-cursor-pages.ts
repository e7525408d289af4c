import { useState } from 'react';

/**
 * Previous/Next over a keyset-paged list: remembers the cursor of every page visited. Changing `resetKey`
 * (the filters) starts again from the first page.
 */
export const useCursorPages = (resetKey: string) => {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    cursor: cursors.at(-1) ?? null,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    goNext: (nextCursor: string) => setState({ key: resetKey, cursors: [...cursors, nextCursor] }),
    goPrevious: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
};

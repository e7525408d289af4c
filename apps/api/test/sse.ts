/** One server-sent event as a browser's EventSource reads it: its `event:` name (null for a plain message), id and data. */
export type SseMessage = { event: string | null; id: string | null; data: unknown };

/**
 * Reads a server-sent-events body as it arrives and hands each message over, until the stream ends or its fetch is
 * aborted (the tests close their streams that way). Used by the live-event tests and the scale-out proof.
 */
export const readSse = (body: ReadableStream<Uint8Array>, onMessage: (message: SseMessage) => void): void => {
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const fields = new Map<string, string>();
          for (const line of buffer.slice(0, end).split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          buffer = buffer.slice(end + 2);
          const raw = fields.get('data');
          if (raw !== undefined) {
            onMessage({ event: fields.get('event') ?? null, id: fields.get('id') ?? null, data: raw ? JSON.parse(raw) : null });
          }
        }
      }
    } catch {
      // Closed by the test.
    }
  })();
};

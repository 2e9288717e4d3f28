// A CSV download written as it is read: the heading row at once, then each chunk of rows as the data layer gives it,
// so a large file starts arriving at once and other requests run between the chunks. Never kept by any cache.

/** `head` is the file's start (byte-order mark and headings); `part` writes one chunk's lines. */
export function streamedCsv<T>(fileName: string, head: string, chunks: AsyncGenerator<T>, part: (chunk: T) => string): Response {
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head));
        return;
      }
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(part(next.value)));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      // Names and employee numbers: never kept by a shared cache or the browser's.
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Runs `work` once the frame now due has been painted (a task after the next animation frame);
 * returns a cancel function. For an event handler (the sidebar filter) and, through
 * useAfterPaint (renderer/shell), for a value.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** The line number in front of a line of the paged body view (not selected, not read out). */
export function BodyLineNumber({ n, width }: { n: number; width: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width,
        marginRight: 12,
        textAlign: 'right',
        color: 'var(--mantine-color-dimmed)',
        userSelect: 'none',
      }}
    >
      {n}
    </span>
  );
}

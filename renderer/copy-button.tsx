import { Button } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import { copyText } from './clipboard';

/**
 * A button that copies a value and says whether it worked. Memoized: it sits in bars that
 * re-render on every token event, mostly with the same value. `value` may be a function, read
 * when pressed, for a value that changes more often than the button should render.
 */
export const CopyButton = memo(function CopyButton({
  label,
  value,
}: {
  label: string;
  value: string | (() => string);
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 1600);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <Button
      size="xs"
      variant={state === 'copied' ? 'light' : 'default'}
      color={state === 'failed' ? 'red' : state === 'copied' ? 'teal' : undefined}
      onClick={() => {
        void copyText(typeof value === 'function' ? value() : value).then((ok) =>
          setState(ok ? 'copied' : 'failed'),
        );
      }}
      aria-label={label}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </Button>
  );
});

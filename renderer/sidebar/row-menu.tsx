import { Menu } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import classes from './sidebar.module.css';

/**
 * A sidebar row's "⋯" button: a plain button until it is first used, then a Mantine Menu with
 * `items`. A Menu on every row made each filter keystroke and each scroll render dozens of
 * popovers; now only a row whose menu was opened carries one.
 */
export function RowMenu({ label, items }: { label: string; items: () => ReactNode }) {
  const [armed, setArmed] = useState(false);
  if (armed) return <ArmedMenu label={label} items={items} />;
  return (
    <button
      type="button"
      className={classes.more}
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={() => setArmed(true)}
    >
      ⋯
    </button>
  );
}

/**
 * Mounts closed with the focus on its button, then opens in the next frame: the menu then knows
 * where the focus goes back to when it closes, as it does for a Menu that was there all along.
 */
function ArmedMenu({ label, items }: { label: string; items: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  const target = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    target.current?.focus({ preventScroll: true });
    const frame = requestAnimationFrame(() => setOpened(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" withinPortal>
      <Menu.Target>
        <button ref={target} type="button" className={classes.more} aria-label={label}>
          ⋯
        </button>
      </Menu.Target>
      <Menu.Dropdown>{items()}</Menu.Dropdown>
    </Menu>
  );
}

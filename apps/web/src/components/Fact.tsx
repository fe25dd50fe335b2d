import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled fact of a record (a case, a referral, a provider, a protection case): small dimmed label, its value below. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

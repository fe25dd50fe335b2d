import type { ReactNode } from 'react';

/**
 * Text someone typed (a person's, an agency's or a user's name, a narrative, a note, a search
 * term shown back), rendered in its own bidirectional isolate. Why: a right-to-left override
 * (U+202E) or an unclosed embedding inside typed text must not reorder what an officer reads
 * around it ("Akmaral" must not become a different name, a note must not flip the date next
 * to it). `<bdi>` isolates its content and takes its direction from the text itself.
 */
export function UserText({ children, testId }: { children: ReactNode; testId?: string }) {
  return <bdi data-testid={testId}>{children}</bdi>;
}

/**
 * The same isolation for typed text placed inside a translated sentence or a plain-text
 * attribute (a select option, a title): FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE.
 */
export function isolate(text: string | null | undefined): string {
  return text ? `\u2068${text}\u2069` : '';
}

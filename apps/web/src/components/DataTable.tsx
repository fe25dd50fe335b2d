import { Table, type TableProps } from '@mantine/core';

interface Props extends TableProps {
  /** Below this width the table scrolls sideways inside its own box, never cutting a column off. */
  minWidth: number;
  /** What the table lists: the scrolling box is a labelled region a keyboard user can focus and scroll. */
  label: string;
}

/**
 * Every list table: on a narrow screen, or in a long language, the table keeps all its columns
 * (the row actions included) and scrolls inside a plain, native scrolling box instead of
 * widening the page or hiding what does not fit.
 */
export function DataTable({ minWidth, label, children, ...table }: Props) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label} className="data-table">
      <Table {...table}>{children}</Table>
    </Table.ScrollContainer>
  );
}

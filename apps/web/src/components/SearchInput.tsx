import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

interface SearchInputProps {
  label: string;
  description?: string;
  initial: string;
  onSearch: (value: string) => void;
  testId?: string;
}

/** Searches as the user types, waiting for a pause so a slow connection is not flooded. */
export function SearchInput({ label, description, initial, onSearch, testId }: SearchInputProps) {
  const [value, setValue] = useState(initial);
  const debounced = useDebouncedCallback((v: string) => onSearch(v.trim()), 400);
  // A search still waiting when the user presses Enter or leaves the page must not fire later:
  // it would rewrite the URL of the page she went to (back to this list).
  useEffect(() => () => debounced.cancel(), [debounced]);
  return (
    <TextInput
      type="search"
      // A search term is typed text: its own direction, whatever the page's (see UserText).
      dir="auto"
      data-testid={testId}
      label={label}
      description={description}
      value={value}
      onChange={(e) => {
        setValue(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          debounced.cancel();
          onSearch(value.trim());
        }
      }}
    />
  );
}

import { accessibleColors } from './app/mantine-styles.ts';
import './app/app.css';
import './api/zod-config.ts';
import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/query-client.ts';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/setup.ts';

const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 keeps white button text above WCAG AA contrast.
  primaryShade: 9,
  // Every colour's text shade, and the dimmed grey, reach WCAG AA contrast (theme-colors.ts).
  colors: accessibleColors(),
  // System fonts only: nothing is fetched from outside.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  focusRing: 'auto',
});

const root = createRoot(document.getElementById('root') as HTMLElement);

/** The catalog is a separate file: on a weak connection, try again before giving up. */
async function start(attempt = 1): Promise<void> {
  try {
    await initI18n();
  } catch (e) {
    if (attempt >= 4) throw e;
    await new Promise((r) => setTimeout(r, 1000 * attempt));
    return start(attempt + 1);
  }
}

void start().then(() => {
  root.render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
});

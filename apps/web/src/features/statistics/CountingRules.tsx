import { Accordion, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The figures whose counting rule the page states (docs/statistics.md says the same, at length). */
export const COUNTING_RULES = ['victims', 'year', 'form', 'citizenship', 'age', 'referred', 'participated', 'apart', 'official', 'scope'] as const;

/**
 * "How these figures are counted" (issue #13 item 1: each counting rule documented next to its
 * figure, in the UI as in docs/statistics.md). Closed by default so the figures come first;
 * printed open with the page.
 */
export function CountingRules() {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" className="statistics-rules">
      <Accordion.Item value="rules">
        <Accordion.Control>{t('statistics.rules.title')}</Accordion.Control>
        <Accordion.Panel>
          <List spacing={6} size="sm">
            {COUNTING_RULES.map((rule) => (
              <List.Item key={rule}>
                <Text span fw={600} size="sm">
                  {t(`statistics.rules.${rule}.figure`)}:
                </Text>{' '}
                {t(`statistics.rules.${rule}.text`)}
              </List.Item>
            ))}
          </List>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

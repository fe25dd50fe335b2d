import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { agencyName } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useProviders } from './api.ts';
import { OccupancyForm } from './OccupancyForm.tsx';

/** A shelter manager's own entries first, each with the quick update of places (issue #10: "keeps her own entry current"). */
export function MyShelter() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const mine = useProviders({ regionCode: '', service: '', eligibility: '', freeOnly: false, mine: true, q: '', page: 1 });
  const items = (mine.data?.items ?? []).filter((p) => p.allowedActions.includes('occupancy'));
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="my-shelter">
      {items.map((p) => (
        <Paper key={p.id} withBorder p="md">
          <Title order={2} size="h4">
            {t('providers.myShelter')}:{' '}
            <Anchor component={Link} href={`/providers/${p.id}`}>
              <UserText>{agencyName(p.name, lng)}</UserText>
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('providers.keepCurrentHelp')}
          </Text>
          <OccupancyForm provider={p} />
        </Paper>
      ))}
    </Stack>
  );
}

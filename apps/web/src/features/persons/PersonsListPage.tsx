import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PersonSummary } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { regionName } from '../../components/format.ts';
import { useCountryName } from '../../components/use-country-name.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { PAGE_SIZE, usePersons } from './api.ts';
import { UserText } from '../../components/UserText.tsx';

function PersonRow({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const countryName = useCountryName();
  const facts = [
    t(`gender.${person.gender}`),
    person.birthYear ? t('persons.bornIn', { year: person.birthYear }) : null,
    countryName(person.citizenship),
    regionName(person.regionCode, lng),
  ].filter(Boolean);
  return (
    <Paper component={Link} href={`/persons/${person.id}`} data-testid="person-row" withBorder p="sm" className="row-link">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600}>
          <UserText>{person.displayName ?? person.pseudonym}</UserText>
        </Text>
        <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
          {person.pseudonym}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {facts.join(' · ')}
      </Text>
    </Paper>
  );
}

export function PersonsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { get, page, update } = useListParams();
  const q = get('q');
  const persons = usePersons(q, page);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('persons.list.title')}</Title>
        {can('person.create') && (
          <Button component={Link} href="/persons/new" data-testid="new-person">
            {t('persons.list.new')}
          </Button>
        )}
      </Group>
      <SearchInput
        testId="person-search"
        label={t('persons.list.search')}
        description={t('persons.list.searchHelp')}
        initial={q}
        onSearch={(value) => update({ q: value })}
      />
      <PagedList
        query={persons}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(n) => update({ page: n })}
        empty={q ? t('persons.list.noMatches') : t('persons.list.empty')}
      >
        {(p) => <PersonRow person={p} />}
      </PagedList>
    </Stack>
  );
}

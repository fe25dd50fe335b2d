import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { ROLES, type User } from '@qorgau/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { agencyName } from '../../components/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { useAgencies, useCreateUser, useUpdateUser, type UserInput, type UserJurisdiction } from './api.ts';
import { JurisdictionInput } from './JurisdictionInput.tsx';
import { isolate } from '../../components/UserText.tsx';

interface Props {
  /** The user to edit, or null to create one. */
  user: User | null;
  onClose: () => void;
  onCreated: (username: string, temporaryPassword: string, awaitingApproval: boolean) => void;
}

export function UserFormModal({ user, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const agencies = useAgencies();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<string>(user?.role ?? '');
  const [agencyId, setAgencyId] = useState(user?.agencyId ?? '');
  const [jurisdiction, setJurisdiction] = useState<UserJurisdiction>(user?.jurisdiction ?? { national: false, regions: [] });
  const [missing, setMissing] = useState<string[]>([]);
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;

  const server = fieldErrors(mutation.error);
  const err = (f: string) => (missing.includes(f) ? t('validation.required') : server[f]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const miss = [
      !user && !username.trim() ? 'username' : '',
      !displayName.trim() ? 'displayName' : '',
      !role ? 'role' : '',
      !agencyId ? 'agencyId' : '',
      !jurisdiction.national && jurisdiction.regions.length === 0 ? 'jurisdiction.regions' : '',
    ].filter(Boolean);
    setMissing(miss);
    if (miss.length > 0) return;
    const body: UserInput = { displayName: displayName.trim(), role: role as User['role'], agencyId, jurisdiction };
    if (user) update.mutate({ id: user.id, body }, { onSuccess: onClose });
    else
      create.mutate(
        { ...body, username: username.trim().toLowerCase() },
        { onSuccess: (r) => onCreated(r.user.username, r.temporaryPassword, r.awaitingApproval) },
      );
  };

  const choose = { value: '', label: t('common.choose') };
  const agencyItems = (agencies.data?.items ?? []).filter((a) => !a.disabled || a.id === user?.agencyId);
  return (
    <Modal
      opened
      onClose={onClose}
      title={user ? t('users.form.editTitle') : t('users.form.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={mutation.error ?? agencies.error} />
          <TextInput
            data-testid="user-username"
            label={t('users.fields.username')}
            description={user ? undefined : t('users.form.usernameHelp')}
            value={username}
            disabled={!!user}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={err('username')}
          />
          <TextInput
            data-testid="user-displayName"
            label={t('users.fields.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={err('displayName')}
          />
          <NativeSelect
            data-testid="user-role"
            label={t('users.fields.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={[choose, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
            error={err('role')}
          />
          <NativeSelect
            data-testid="user-agency"
            label={t('users.fields.agency')}
            value={agencyId}
            onChange={(e) => setAgencyId(e.currentTarget.value)}
            disabled={agencies.isPending}
            data={[
              agencies.isPending ? { value: '', label: t('common.loading') } : choose,
              ...agencyItems
                .map((a) => ({ value: a.id, label: `${isolate(agencyName(a.name, lng))} (${t(`agencyTypes.${a.type}`)})` }))
                .sort((x, y) => x.label.localeCompare(y.label, lng)),
            ]}
            error={err('agencyId')}
          />
          <JurisdictionInput value={jurisdiction} onChange={setJurisdiction} error={err('jurisdiction.regions') ?? server.jurisdiction} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" data-testid="user-submit" loading={mutation.isPending}>
              {user ? t('common.save') : t('users.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

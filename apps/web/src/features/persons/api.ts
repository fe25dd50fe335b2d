import { Person, PersonPage, type CreatePersonBody } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;

export function usePersons(q: string, page: number) {
  return useQuery({
    queryKey: ['persons', 'list', q, page],
    queryFn: () => http.get('/persons', PersonPage, { q, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: ['persons', 'one', id], queryFn: () => http.get(`/persons/${encodeURIComponent(id)}`, Person) });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonBody) => http.post('/persons', Person, body),
    onSuccess: (person) => {
      qc.setQueryData(['persons', 'one', person.id], person);
      void qc.invalidateQueries({ queryKey: ['persons', 'list'] });
    },
  });
}

/** Surname, given name, patronymic: the order of Kazakh and Russian documents. */
export function fullName(identity: { firstName: string; secondName: string; middleName: string | null }): string {
  return [identity.secondName, identity.firstName, identity.middleName].filter(Boolean).join(' ');
}

import { AgencyList, User, UserPage, UserWithTemporaryPassword } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;
export type UserJurisdiction = User['jurisdiction'];

export interface UserInput {
  username?: string;
  displayName?: string;
  role?: User['role'];
  agencyId?: string;
  jurisdiction?: UserJurisdiction;
  disabled?: boolean;
}

export function useUsers(q: string, page: number) {
  return useQuery({
    queryKey: ['users', 'list', q, page],
    queryFn: () => http.get('/users', UserPage, { q, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useAgencies(enabled = true) {
  return useQuery({ queryKey: ['agencies', 'all'], queryFn: () => http.get('/agencies', AgencyList), enabled });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['users'] });
    // A new account or a wider role may now wait for approval (four eyes).
    void qc.invalidateQueries({ queryKey: ['grants'] });
  };
}

export function useCreateUser() {
  const done = useInvalidateUsers();
  return useMutation({ mutationFn: (body: UserInput) => http.post('/users', UserWithTemporaryPassword, body), onSuccess: done });
}

export function useUpdateUser() {
  const done = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserInput }) => http.patch(`/users/${encodeURIComponent(id)}`, User, body),
    onSuccess: done,
  });
}

export function useResetPassword() {
  const done = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => http.post(`/users/${encodeURIComponent(id)}/reset-password`, UserWithTemporaryPassword, {}),
    onSuccess: done,
  });
}

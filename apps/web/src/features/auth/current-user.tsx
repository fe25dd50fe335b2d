import type { Me, Permission } from '@qorgau/core';
import { createContext, useContext, type ReactNode } from 'react';

const CurrentUserContext = createContext<Me | null>(null);

export function CurrentUserProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <CurrentUserContext.Provider value={me}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user with an active session; only used below CurrentUserProvider. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside CurrentUserProvider');
  return me;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useCurrentUser();
  return (permission) => me.permissions.includes(permission);
}

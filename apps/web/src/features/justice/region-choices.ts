import type { Me } from '@qorgau/core';
import { regionOptions } from '../../components/format.ts';
import type { Language } from '../../i18n/setup.ts';

/** The regions a user works in (all of them for a national jurisdiction), labelled in the UI language. */
export function jurisdictionRegionOptions(me: Me, lng: Language): { value: string; label: string }[] {
  const all = regionOptions(lng);
  return me.jurisdiction.national ? all : all.filter((o) => (me.jurisdiction.regions as string[]).includes(o.value));
}

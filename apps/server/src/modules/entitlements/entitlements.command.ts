import type { Config } from '../../config.ts';
import { openRuntime } from '../../runtime/runtime.ts';
import { entitlementReminders } from './entitlement-reminders.ts';

/** `qorgau entitlements remind`: the daily sweep once (for a scheduler such as cron or a systemd timer). */
export async function entitlementsRemindCommand(config: Config): Promise<number> {
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    const r = await entitlementReminders(rt.deps);
    console.log(`qorgau: entitlements of ${r.persons} persons checked; ${r.notices} reminders sent`);
    return 0;
  } finally {
    await rt.close();
  }
}

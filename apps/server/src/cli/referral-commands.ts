import type { Config } from '../config.ts';
import { escalateOverdueReferrals } from '../modules/referrals/referral-escalation.ts';
import { openRuntime } from '../runtime/runtime.ts';

/** One escalation sweep (the server runs it on a timer): prints how many referrals it escalated. */
export async function referralsEscalateCommand(config: Config): Promise<number> {
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    const n = await escalateOverdueReferrals(rt.deps);
    console.log(`qorgau: ${n} overdue referral${n === 1 ? '' : 's'} escalated`);
    return 0;
  } finally {
    await rt.close();
  }
}

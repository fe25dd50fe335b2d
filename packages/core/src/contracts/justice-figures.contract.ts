import { z } from 'zod';

/**
 * The justice and redress figures of a year (issue #11: "legal-aid and compensation figures fall
 * out of the data"; DOMAIN.md §6: investigations, prosecutions, convictions, complicit officials,
 * victims who participated, victim-witness programme spending). Counted within the reader's
 * scope: a prosecutor gets her region's, the national coordinator the country's. Published
 * tables with small-cell suppression are the national statistics' (issue #13), not these.
 */
export const JusticeFiguresQuery = z.object({ year: z.coerce.number().int().min(2015).max(2100) });
export type JusticeFiguresQuery = z.infer<typeof JusticeFiguresQuery>;

const count = z.number().int().nonnegative();
const tenge = z.number().int().nonnegative();

export const JusticeFigures = z.object({
  year: z.number().int(),
  /** Criminal cases registered in the year; those under a trafficking article (128, 135). */
  investigations: z.object({ registered: count, trafficking: count }),
  /** Cases sent to court in the year (prosecutions), and defendants in them. */
  prosecutions: z.object({ cases: count }),
  /** Defendants whose outcome was recorded in the year. */
  outcomes: z.object({ convicted: count, acquitted: count, chargesDropped: count, custodial: count, suspended: count, fine: count }),
  /** Public officials among suspects of cases registered in the year, and those convicted in it. */
  complicitOfficials: z.object({ suspects: count, convicted: count }),
  /** Persons linked as victims in the year; those who took part in the investigation; foreign nationals. */
  victims: z.object({ linked: count, participated: count, foreign: count }),
  /** The Protection of Participants of Criminal Proceedings programme: persons granted it in the year and its cost. */
  protectionProgramme: z.object({ persons: count, citizens: count, foreign: count, costTenge: tenge }),
  compensation: z.object({
    /** Persons told of their right in the year. */
    informed: count,
    claims: count,
    claimedTenge: tenge,
    awardedTenge: tenge,
    paidTenge: tenge,
    paidByStateFundTenge: tenge,
    paidByOffenderTenge: tenge,
  }),
  legalAid: z.object({
    assignments: count,
    stateLegalAid: count,
    proBono: count,
    ngoFunded: count,
    persons: count,
    services: count,
    hours: z.number().nonnegative(),
  }),
});
export type JusticeFigures = z.infer<typeof JusticeFigures>;

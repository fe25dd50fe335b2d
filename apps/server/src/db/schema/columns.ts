import { customType, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id, as a decimal string. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

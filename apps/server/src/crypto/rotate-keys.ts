import { and, asc, eq, gt, like, notLike, or, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { attachments, caseActions, cases, entitlementActions, htcdsImports, persons, selfReports, systemSettings, users } from '../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { createFieldCipher, fieldContext } from './field-cipher.ts';
import { KEY_CHECK_CONTEXT } from './key-setup.ts';
import { keyringFrom, readKeyringFile, withNewActiveKey, withoutKeys, writeKeyringFile } from './keyring.ts';

/** Every encrypted column, with how its AAD context is built (see field-cipher.ts). */
interface EncryptedColumns {
  table: PgTable;
  id: PgColumn;
  columns: { column: PgColumn; context: (id: string) => string }[];
}
const personCol = (column: PgColumn, name: string) => ({ column, context: (id: string) => fieldContext('persons', name, id) });
const ENCRYPTED: EncryptedColumns[] = [
  {
    table: persons,
    id: persons.id,
    columns: [
      personCol(persons.firstNameEnc, 'first_name'),
      personCol(persons.secondNameEnc, 'second_name'),
      personCol(persons.middleNameEnc, 'middle_name'),
      personCol(persons.birthdateEnc, 'birthdate'),
      personCol(persons.identityNumberEnc, 'identity_number'),
      personCol(persons.mobilePhoneEnc, 'mobile_phone'),
      personCol(persons.addressEnc, 'address'),
    ],
  },
  { table: caseActions, id: caseActions.id, columns: [{ column: caseActions.textEnc, context: (id) => fieldContext('case_actions', 'text', id) }] },
  {
    table: selfReports,
    id: selfReports.id,
    columns: [
      { column: selfReports.whatHappenedEnc, context: (id) => fieldContext('self_reports', 'what_happened', id) },
      { column: selfReports.contactEnc, context: (id) => fieldContext('self_reports', 'contact', id) },
    ],
  },
  { table: users, id: users.id, columns: [{ column: users.totpSecretEnc, context: (id) => `users.totp_secret:${id}` }] },
  // Attachments: only the file's wrapped key and its name; the file itself stays (blob-cipher.ts).
  {
    table: attachments,
    id: attachments.id,
    columns: [
      { column: attachments.dekEnc, context: (id) => fieldContext('attachments', 'dek', id) },
      { column: attachments.filenameEnc, context: (id) => fieldContext('attachments', 'filename', id) },
    ],
  },
  // What was recorded on an entitlement: its note.
  {
    table: entitlementActions,
    id: entitlementActions.id,
    columns: [{ column: entitlementActions.noteEnc, context: (id) => fieldContext('entitlement_actions', 'note', id) }],
  },
  // Issue #14: the HTCDS fields an import kept with a case, and an import's row report.
  { table: cases, id: cases.id, columns: [{ column: cases.htcdsExtraEnc, context: (id) => fieldContext('cases', 'htcds_extra', id) }] },
  { table: htcdsImports, id: htcdsImports.id, columns: [{ column: htcdsImports.reportEnc, context: (id) => fieldContext('htcds_imports', 'report', id) }] },
  { table: systemSettings, id: systemSettings.key, columns: [{ column: systemSettings.value, context: () => KEY_CHECK_CONTEXT }] },
];

const BATCH = 1_000;

/**
 * Rotation in three crash-safe steps: (1) add a new active key to the key file, keeping the
 * old ones; (2) re-encrypt every value not under the active key; (3) drop the old keys from
 * the file. Interrupted at any point, a rerun finishes the job. Servers must be stopped.
 */
export async function rotateKeys(db: Db, keyFile: string): Promise<{ reencrypted: number; activeKey: string }> {
  const file = withNewActiveKey(readKeyringFile(keyFile));
  writeKeyringFile(keyFile, file);
  const keyring = keyringFrom(file);
  const cipher = createFieldCipher(keyring);
  const activePrefix = `v1.${keyring.activeId}.`;
  let reencrypted = 0;
  for (const t of ENCRYPTED) {
    // Ciphertexts under any key but the active one (other system_settings values are not ciphertext).
    const stale = or(...t.columns.map((c) => and(like(c.column, 'v1.%'), notLike(c.column, `${activePrefix}%`)))) as SQL;
    let after: string | null = null;
    for (;;) {
      const rows = (await db
        .select({ id: t.id, ...Object.fromEntries(t.columns.map((c, i) => [`c${i}`, c.column])) })
        .from(t.table)
        .where(after === null ? stale : and(stale, gt(t.id, after)))
        .orderBy(asc(t.id))
        .limit(BATCH)) as Record<string, string | null>[];
      if (!rows.length) break;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const id = row.id as string;
          const patch: Record<string, string> = {};
          t.columns.forEach((c, i) => {
            const v = row[`c${i}`];
            if (v && !v.startsWith(activePrefix)) patch[c.column.name] = cipher.encrypt(cipher.decrypt(v, c.context(id)), c.context(id));
          });
          const set = Object.fromEntries(Object.entries(patch).map(([name, v]) => [columnKey(t.table, name), v]));
          await tx.update(t.table).set(set).where(eq(t.id, id));
          reencrypted++;
        }
      });
      after = rows[rows.length - 1]?.id as string;
    }
  }
  writeKeyringFile(keyFile, withoutKeys(file, [keyring.activeId]));
  await db.transaction((tx) =>
    appendAudit(tx, { actor: null, ip: null }, { operation: 'keys.rotated', details: { activeKey: keyring.activeId, reencrypted } }),
  );
  return { reencrypted, activeKey: keyring.activeId };
}

/** Drizzle's `set` takes the schema's property names, not SQL column names. */
function columnKey(table: PgTable, sqlName: string): string {
  const entry = Object.entries(table as unknown as Record<string, PgColumn>).find(([, col]) => (col as { name?: string })?.name === sqlName);
  if (!entry) throw new Error(`no column ${sqlName}`);
  return entry[0];
}

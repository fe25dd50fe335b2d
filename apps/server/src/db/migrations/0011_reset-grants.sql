-- Four-eyes resets (issue #8): an administrator's reset of an account that may see personal data
-- clears its password and second factor, so on her own she could take the account over (she is
-- shown the temporary password). Such a reset waits for a second person like a new account.
ALTER TABLE "access_grants" ADD COLUMN "reset" boolean DEFAULT false NOT NULL;

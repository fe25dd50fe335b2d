-- Agencies have their name in Kazakh, Russian and English (issue #9): a Russian-only name used
-- to show on the Kazakh and English pages. Each existing agency starts with its one name in all
-- three columns; an administrator then writes the other two. The single "name" column goes, so
-- nothing can keep reading it.
ALTER TABLE "agencies" ADD COLUMN "name_kk" text;
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "name_ru" text;
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "name_en" text;
--> statement-breakpoint
UPDATE "agencies" SET "name_kk" = "name", "name_ru" = "name", "name_en" = "name";
--> statement-breakpoint
ALTER TABLE "agencies" ALTER COLUMN "name_kk" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "agencies" ALTER COLUMN "name_ru" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "agencies" ALTER COLUMN "name_en" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "agencies" DROP COLUMN "name";

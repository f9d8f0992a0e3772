-- Analytics: enriched clicks (the raw IP is dropped: only the visitor key is kept),
-- daily rollups per link and per account, unique-visitor counting and the daily salts.
-- AlterTable
ALTER TABLE "clicks" DROP COLUMN "ip",
ADD COLUMN     "browser" VARCHAR(64),
ADD COLUMN     "city" VARCHAR(128),
ADD COLUMN     "country" CHAR(2),
ADD COLUMN     "device" VARCHAR(16),
ADD COLUMN     "is_bot" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "os" VARCHAR(64),
ADD COLUMN     "referrer_host" VARCHAR(255),
ADD COLUMN     "visitor" BIGINT;

-- AlterTable
ALTER TABLE "link_daily_clicks" ADD COLUMN     "bot_clicks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "visitors" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "link_daily_dimensions" (
    "link_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "dimension" VARCHAR(16) NOT NULL,
    "value" VARCHAR(255) NOT NULL,
    "clicks" INTEGER NOT NULL,

    CONSTRAINT "link_daily_dimensions_pkey" PRIMARY KEY ("link_id","day","dimension","value")
);

-- CreateTable
CREATE TABLE "account_daily_clicks" (
    "user_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "clicks" INTEGER NOT NULL,
    "bot_clicks" INTEGER NOT NULL,
    "visitors" INTEGER NOT NULL,

    CONSTRAINT "account_daily_clicks_pkey" PRIMARY KEY ("user_id","day")
);

-- CreateTable
CREATE TABLE "account_daily_dimensions" (
    "user_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "dimension" VARCHAR(16) NOT NULL,
    "value" VARCHAR(255) NOT NULL,
    "clicks" INTEGER NOT NULL,

    CONSTRAINT "account_daily_dimensions_pkey" PRIMARY KEY ("user_id","day","dimension","value")
);

-- CreateTable
CREATE TABLE "link_visitor_days" (
    "link_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "visitor" BIGINT NOT NULL,

    CONSTRAINT "link_visitor_days_pkey" PRIMARY KEY ("link_id","day","visitor")
);

-- CreateTable
CREATE TABLE "account_visitor_days" (
    "user_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "visitor" BIGINT NOT NULL,

    CONSTRAINT "account_visitor_days_pkey" PRIMARY KEY ("user_id","day","visitor")
);

-- CreateTable
CREATE TABLE "visitor_salts" (
    "day" DATE NOT NULL,
    "salt" BYTEA NOT NULL,

    CONSTRAINT "visitor_salts_pkey" PRIMARY KEY ("day")
);

-- AddForeignKey
ALTER TABLE "link_daily_dimensions" ADD CONSTRAINT "link_daily_dimensions_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_daily_clicks" ADD CONSTRAINT "account_daily_clicks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_daily_dimensions" ADD CONSTRAINT "account_daily_dimensions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


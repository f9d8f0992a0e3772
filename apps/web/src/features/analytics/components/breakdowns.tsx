import type { LinkAnalyticsResponse } from "@shortly/contract";
import { countryFlag, countryName, deviceLabel, plainLabel, referrerLabel } from "../utils/labels";
import { TopList } from "./top-list";

/** Every breakdown of the range's human clicks, as top lists. */
export function Breakdowns({ data }: { data: LinkAnalyticsResponse }) {
  const items = (list: LinkAnalyticsResponse["browsers"], label: (v: string | null) => string) =>
    list.map((i) => ({ key: i.value ?? "", label: label(i.value), clicks: i.clicks }));
  return (
    <div className="breakdowns">
      <TopList title="Referrers" items={items(data.referrers, referrerLabel)} />
      <TopList
        title="Countries"
        items={data.countries.map((c) => ({
          key: c.value ?? "",
          label: (
            <>
              <span aria-hidden="true">{countryFlag(c.value)} </span>
              {countryName(c.value)}
            </>
          ),
          clicks: c.clicks,
        }))}
      />
      <TopList
        title="Cities"
        items={data.cities.map((c) => ({ key: `${c.country}/${c.city}`, label: `${c.city}, ${countryName(c.country)}`, clicks: c.clicks }))}
        // Clicks without a known city are counted under Countries only, so an empty list here need not mean no clicks.
        empty={data.countries.length > 0 ? "No city known for these clicks." : undefined}
      />
      <TopList title="Browsers" items={items(data.browsers, plainLabel)} />
      <TopList title="Operating systems" items={items(data.os, plainLabel)} />
      <TopList title="Devices" items={items(data.devices, deviceLabel)} />
    </div>
  );
}

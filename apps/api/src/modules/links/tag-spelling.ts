import { tagKey } from "@shortly/contract";
import type { LinksRepository } from "./repository.js";

/** Tags in the account's existing spellings: "SALE" on a new link joins the account's "Sale". */
export async function inAccountSpelling(repo: Pick<LinksRepository, "tagSpellings">, userId: number, tags: string[]): Promise<string[]> {
  const known = await repo.tagSpellings(userId, tags.map(tagKey));
  return tags.map((tag) => known.get(tagKey(tag)) ?? tag);
}

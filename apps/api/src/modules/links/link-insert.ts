import { generateShortCode } from "../../lib/short-code.js";
import { CodeTakenError, PlanLimitReachedError } from "./errors.js";
import { blockableHosts, destinationBlockedError } from "./link-input.js";
import { DestinationBlockedError, DuplicateCodeError, LinkLimitExceededError, type LinksRepository, type NewLink } from "./repository.js";

const CODE_ATTEMPTS = 5;

/**
 * Inserts a link under the owner's code, or a generated one (drawn again when
 * taken), and turns the repository's refusals into the answers they mean.
 */
export async function insertLink(
  repo: Pick<LinksRepository, "createWithinLimit">,
  link: Omit<NewLink, "code">,
  code: string | undefined,
  limit: number | null,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await repo.createWithinLimit({ ...link, code: code ?? generateShortCode() }, limit, blockableHosts(link.longUrl));
    } catch (error) {
      if (error instanceof LinkLimitExceededError) throw new PlanLimitReachedError(error.limit);
      if (error instanceof DestinationBlockedError) throw destinationBlockedError();
      if (!(error instanceof DuplicateCodeError)) throw error;
      if (code !== undefined) throw new CodeTakenError();
      if (attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

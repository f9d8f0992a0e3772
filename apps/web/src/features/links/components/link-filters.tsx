import { LINK_STATES, type LinkState } from "@shortly/contract";
import { useEffect, useId, useState } from "react";
import { Button } from "../../../components/ui/button";
import type { LinkView } from "../api/get-links";
import { useTags } from "../api/get-tags";

const STATE_LABELS: Record<LinkState, string> = {
  active: "Active",
  disabled: "Disabled",
  expired: "Expired",
  limit_reached: "Limit reached",
};
const SORT_LABELS: Record<LinkView["sort"], string> = {
  "-created_at": "Newest first",
  created_at: "Oldest first",
  "-clicks": "Most clicks",
  clicks: "Fewest clicks",
};
/** Typing settles for this long before the search runs. */
const SEARCH_DELAY_MS = 300;

export interface LinkFiltersProps {
  view: LinkView;
  filtered: boolean;
  onChange: (changes: Partial<LinkView>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

/** Search, state, order and tag chips for the link manager; the view itself lives in the URL. */
export function LinkFilters({ view, filtered, onChange, onClear }: LinkFiltersProps) {
  const ids = { q: useId(), state: useId(), sort: useId() };
  const tags = useTags();
  const [text, setText] = useState(view.q);
  const [urlQ, setUrlQ] = useState(view.q);
  // The URL is the source of truth: back/forward or "Clear" update the box.
  if (urlQ !== view.q) {
    setUrlQ(view.q);
    setText(view.q);
  }
  useEffect(() => {
    if (text.trim() === view.q) return;
    const timer = setTimeout(() => onChange({ q: text.trim() }, { replace: true }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, view.q, onChange]);

  return (
    <div className="stack filters">
      <div className="filters-row">
        <div className="field grow">
          <label htmlFor={ids.q}>Search</label>
          <input
            id={ids.q}
            type="search"
            placeholder="Code or destination"
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.state}>State</label>
          <select id={ids.state} value={view.state} onChange={(e) => onChange({ state: e.target.value as LinkState | "" })}>
            <option value="">All</option>
            {LINK_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.sort}>Order</label>
          <select
            id={ids.sort}
            value={view.sort}
            onChange={(e) => onChange({ sort: e.target.value as LinkView["sort"] }, { replace: true })}
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {tags.data && tags.data.length > 0 && (
        <div className="tag-chips" role="group" aria-label="Filter by tag">
          {tags.data.map((tag) => {
            const selected = view.tag.toLowerCase() === tag.name.toLowerCase();
            return (
              <button
                key={tag.name}
                type="button"
                className="tag-chip"
                aria-pressed={selected}
                onClick={() => onChange({ tag: selected ? "" : tag.name })}
              >
                {tag.name} <span className="muted">{tag.count}</span>
              </button>
            );
          })}
        </div>
      )}
      {filtered && (
        <div>
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      )}
    </div>
  );
}

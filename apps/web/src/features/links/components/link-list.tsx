import type { LinkItem, ListUrlsResponse } from "@shortly/contract";
import { useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { useDeleteLink } from "../api/delete-link";
import { PAGE_SIZE } from "../api/get-links";
import { useUpdateLink } from "../api/update-link";
import { LinkRow } from "./link-row";

export interface LinkListProps {
  data: ListUrlsResponse;
  page: number;
  onPageChange: (page: number) => void;
  /** Set when a search or filter narrows the list. */
  filtered: boolean;
  onClearFilters: () => void;
  onTag: (tag: string) => void;
}

export function LinkList({ data, page, onPageChange, filtered, onClearFilters, onTag }: LinkListProps) {
  const update = useUpdateLink();
  const remove = useDeleteLink();
  const [confirming, setConfirming] = useState<LinkItem | null>(null);
  const error = update.error ?? remove.error;

  if (data.total === 0 && filtered) {
    return (
      <EmptyState title="No links match">
        <p>Nothing in your links matches this search and these filters.</p>
        <Button variant="secondary" size="sm" onClick={onClearFilters}>
          Clear filters
        </Button>
      </EmptyState>
    );
  }
  if (data.total === 0) {
    return (
      <EmptyState title="No links yet">
        <p>Paste a long URL above and your first short link appears here, with its clicks.</p>
      </EmptyState>
    );
  }

  const pages = Math.ceil(data.total / PAGE_SIZE);
  return (
    <>
      {error && <Alert>{error.message}</Alert>}
      <table className="links-table">
        <caption className="visually-hidden">Your links</caption>
        <thead>
          <tr>
            <th scope="col">Short link</th>
            <th scope="col">Destination</th>
            <th scope="col">Created</th>
            <th scope="col" className="num">
              Clicks
            </th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((link) => (
            <LinkRow
              key={link.short_code}
              link={link}
              toggling={update.isPending && update.variables?.code === link.short_code}
              onToggle={(l) => update.mutate({ code: l.short_code, changes: { is_active: !l.is_active } })}
              onDelete={setConfirming}
              onTag={onTag}
            />
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label="Pages of links">
          <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => onPageChange(page - 1)}>
            Previous
          </Button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <Button variant="secondary" size="sm" disabled={page + 1 >= pages} onClick={() => onPageChange(page + 1)}>
            Next
          </Button>
        </nav>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title="Delete this link?"
        confirmLabel="Delete link"
        busy={remove.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && remove.mutate(confirming.short_code, { onSettled: () => setConfirming(null) })}
      >
        <p>
          <strong>/{confirming?.short_code}</strong> will stop redirecting and its click statistics will be deleted. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

import { linkPasswordSchema, type LinkItem } from "@shortly/contract";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { useUpdateLink } from "../api/update-link";

/** Set, change or remove the password visitors must type to open the link. */
export function LinkPasswordForm({ link }: { link: LinkItem }) {
  const update = useUpdateLink();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();

  const save = (event: FormEvent) => {
    event.preventDefault();
    const parsed = linkPasswordSchema.safeParse(password);
    if (!parsed.success) return setError("Use 8 to 72 characters.");
    setError(undefined);
    update.mutate(
      { code: link.short_code, changes: { password } },
      {
        onSuccess: () => {
          setPassword("");
          setEditing(false);
        },
      },
    );
  };

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>Password</h3>
      <p className="muted">
        {link.has_password
          ? "Visitors must type a password to open this link. Link previews in chats see only the password page."
          : "Anyone with the link can open it. Add a password to ask visitors for it first."}
      </p>
      {update.isError && <Alert>{update.error.message}</Alert>}
      {editing ? (
        <form className="row" onSubmit={save} noValidate>
          <TextField
            className="grow"
            label={link.has_password ? "New password" : "Password"}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error}
          />
          <Button type="submit" busy={update.isPending}>
            Save password
          </Button>
          <Button variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="row">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {link.has_password ? "Change password" : "Set a password"}
          </Button>
          {link.has_password && (
            <Button
              variant="ghost"
              className="danger-text"
              busy={update.isPending}
              onClick={() => update.mutate({ code: link.short_code, changes: { password: null } })}
            >
              Remove password
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

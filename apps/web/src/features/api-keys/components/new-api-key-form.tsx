import type { CreatedApiKey } from "@shortly/contract";
import { useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { CopyButton } from "../../../components/ui/copy-button";
import { TextField } from "../../../components/ui/text-field";
import { useCreateApiKey } from "../api/create-api-key";

/** Creates a key and shows it once, with a copy button and the warning that it will not be shown again. */
export function NewApiKeyForm() {
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name }, { onSuccess: (key) => (setCreated(key), setName("")) });
  };

  return (
    <div className="stack">
      <form className="shorten-row" onSubmit={submit} noValidate>
        <TextField label="Key name" name="api-key-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} required />
        <Button type="submit" className="shorten-submit" busy={create.isPending} disabled={name.trim() === ""}>
          Create key
        </Button>
      </form>
      {create.isError && <Alert>{create.error.message}</Alert>}
      {created && (
        <div className="card stack" role="status" aria-live="polite">
          <p>
            <strong>Copy your new key “{created.name}” now.</strong> It is shown this once: only a hash is kept, so it cannot be shown
            again.
          </p>
          <code className="mono break" data-testid="new-api-key">
            {created.key}
          </code>
          <div>
            <CopyButton text={created.key} label="Copy key" />
          </div>
        </div>
      )}
    </div>
  );
}

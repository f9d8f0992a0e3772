import { createUrlRequestSchema, type CreatedUrlResponse } from "@shortly/contract";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-error";
import { focusFirstInvalid } from "../../../lib/focus";
import { validate } from "../../../lib/validate";
import { useCreateLink } from "../api/create-link";

/** Form values → the contract's request (empty optional fields left out). */
function toRequest(values: Record<string, FormDataEntryValue>) {
  const text = (name: string) => String(values[name] ?? "").trim();
  return {
    long_url: text("long_url"),
    ...(text("custom_code") && { custom_code: text("custom_code") }),
    // datetime-local is the user's local time; the API takes an instant.
    ...(text("expires_at") && { expires_at: new Date(text("expires_at")).toISOString() }),
    ...(text("max_clicks") && { max_clicks: Number(text("max_clicks")) }),
  };
}

export function CreateLinkForm({ initialUrl = "", onCreated }: { initialUrl?: string; onCreated: (link: CreatedUrlResponse) => void }) {
  const create = useCreateLink();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    let request;
    try {
      request = toRequest(Object.fromEntries(new FormData(form)));
    } catch {
      setErrors({ expires_at: "Enter a valid date and time." });
      return;
    }
    const checked = validate(createUrlRequestSchema, request);
    setFormError(null);
    if (checked.errors) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    create.mutate(request, {
      onSuccess: (link) => {
        form.reset();
        // reset() restores a URL carried in from the landing page; the next link starts empty.
        const longUrl = form.elements.namedItem("long_url");
        if (longUrl instanceof HTMLInputElement) longUrl.value = "";
        onCreated(link);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.kind === "validation") {
          setErrors(error.fieldErrors());
          focusFirstInvalid(formRef.current);
        } else if (error instanceof ApiError && error.status === 409) {
          setErrors({ custom_code: "This code is already taken. Choose another one." });
          focusFirstInvalid(formRef.current);
        } else {
          setFormError(error.message);
        }
      },
    });
  };

  return (
    <form ref={formRef} className="card stack" onSubmit={submit} noValidate aria-label="Shorten a link">
      <div className="shorten-row">
        <TextField
          className="grow"
          label="Long URL"
          name="long_url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/a/very/long/path"
          defaultValue={initialUrl}
          required
          error={errors.long_url}
        />
        <Button type="submit" busy={create.isPending} className="shorten-submit">
          {create.isPending ? "Shortening…" : "Shorten"}
        </Button>
      </div>
      <details className="options" open={Boolean(errors.custom_code || errors.expires_at || errors.max_clicks) || undefined}>
        <summary>Options: custom code, expiry, click limit</summary>
        <div className="options-grid">
          <TextField label="Custom code" name="custom_code" placeholder="launch-2026" error={errors.custom_code} hint="3–32 letters, digits, - or _" />
          <TextField label="Expires at" name="expires_at" type="datetime-local" error={errors.expires_at} hint="Your local time" />
          <TextField label="Click limit" name="max_clicks" type="number" min={1} step={1} inputMode="numeric" error={errors.max_clicks} hint="Stops redirecting after this many clicks" />
        </div>
      </details>
      {formError && <Alert>{formError}</Alert>}
    </form>
  );
}

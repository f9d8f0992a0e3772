import { loginRequestSchema } from "@shortly/contract";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-error";
import { focusFirstInvalid } from "../../../lib/focus";
import { validate } from "../../../lib/validate";
import { useLogin } from "../api/login";

const MESSAGES_BY_STATUS: Record<number, string> = {
  401: "That email and password don't match an account. Check them and try again.",
};

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const checked = validate(loginRequestSchema, values);
    setFormError(null);
    if (checked.errors) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    login.mutate(checked.data, {
      onSuccess,
      onError: (error) => {
        if (error instanceof ApiError && error.kind === "validation") setErrors(error.fieldErrors());
        else setFormError(error instanceof ApiError ? (MESSAGES_BY_STATUS[error.status] ?? error.message) : String(error));
      },
    });
  };

  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-label="Log in">
      {formError && <Alert>{formError}</Alert>}
      <TextField label="Email" name="username" type="email" autoComplete="email" required error={errors.username} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <Button type="submit" busy={login.isPending}>
        {login.isPending ? "Logging in…" : "Log in"}
      </Button>
    </form>
  );
}

import { loginRequestSchema } from "@shortly/contract";
import type { FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { useFormErrors } from "../../../lib/use-form-errors";
import { useLogin } from "../api/login";

const MESSAGES_BY_STATUS = {
  401: "That email and password don't match an account. Check them and try again.",
};

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin();
  const { errors, formError, formRef, check, showApiError } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const credentials = check(loginRequestSchema, Object.fromEntries(new FormData(event.currentTarget)));
    if (credentials) login.mutate(credentials, { onSuccess, onError: (error) => showApiError(error, MESSAGES_BY_STATUS) });
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

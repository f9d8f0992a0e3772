import { registerRequestSchema } from "@shortly/contract";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { useFormErrors } from "../../../lib/use-form-errors";
import { useLogin } from "../api/login";
import { useRegister } from "../api/register";

const MESSAGES_BY_STATUS = {
  409: (
    <>
      An account with this email already exists. <Link to={paths.login}>Log in instead</Link>?
    </>
  ),
};

/** Creates the account, then signs straight in. */
export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const register = useRegister();
  const login = useLogin();
  const { errors, formError, formRef, check, showApiError } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    if (!check(registerRequestSchema, values)) return;
    const credentials = { email: String(values.email), password: String(values.password) };
    register.mutate(credentials, {
      onSuccess: () =>
        login.mutate({ username: credentials.email, password: credentials.password }, { onSuccess, onError: (e) => showApiError(e) }),
      onError: (error) => showApiError(error, MESSAGES_BY_STATUS),
    });
  };

  const busy = register.isPending || login.isPending;
  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-label="Create account">
      {formError && <Alert>{formError}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        error={errors.password}
        hint="At least 8 characters."
      />
      <Button type="submit" busy={busy}>
        {busy ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}

import { registerRequestSchema } from "@shortly/contract";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { ApiError } from "../../../lib/api-error";
import { focusFirstInvalid } from "../../../lib/focus";
import { validate } from "../../../lib/validate";
import { useLogin } from "../api/login";
import { useRegister } from "../api/register";

/** Creates the account, then signs straight in. */
export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const register = useRegister();
  const login = useLogin();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const checked = validate(registerRequestSchema, values);
    setFormError(null);
    if (checked.errors) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    const credentials = { email: String(values.email), password: String(values.password) };
    register.mutate(credentials, {
      onSuccess: () => login.mutate({ username: credentials.email, password: credentials.password }, { onSuccess }),
      onError: (error) => {
        if (!(error instanceof ApiError)) return setFormError(String(error));
        if (error.kind === "validation") return setErrors(error.fieldErrors());
        if (error.status === 409) {
          return setFormError(
            <>
              An account with this email already exists. <Link to={paths.login}>Log in instead</Link>?
            </>,
          );
        }
        setFormError(error.message);
      },
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

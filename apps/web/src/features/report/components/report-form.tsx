import { createReportRequestSchema } from "@shortly/contract";
import { useId, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-error";
import { useFormErrors } from "../../../lib/use-form-errors";
import { useCreateReport } from "../api/create-report";

/** A visitor reports a short link that leads somewhere harmful; no account needed. */
export function ReportForm({ initialLink = "" }: { initialLink?: string }) {
  const report = useCreateReport();
  const reasonId = useId();
  const { errors, formError, formRef, check, showFieldErrors, showApiError } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const request = check(createReportRequestSchema, { link: String(values.link ?? ""), reason: String(values.reason ?? "") });
    if (!request) return;
    report.mutate(request, {
      onError: (error) => {
        if (error instanceof ApiError && error.status === 404)
          showFieldErrors({ link: "There is no such short link here. Check the address." });
        else showApiError(error);
      },
    });
  };

  if (report.isSuccess) {
    return (
      <Alert tone="success">
        Thank you. Your report of <strong>/{report.data.short_code}</strong> was received; our team reviews every report.
      </Alert>
    );
  }
  return (
    <form ref={formRef} className="card stack" onSubmit={submit} noValidate aria-label="Report a link">
      <TextField label="Short link" name="link" defaultValue={initialLink} required placeholder="https://…/abc123" error={errors.link} />
      <div className="field">
        <label htmlFor={reasonId}>What is wrong with it?</label>
        <textarea
          id={reasonId}
          name="reason"
          rows={4}
          maxLength={1000}
          required
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${reasonId}-error` : undefined}
        />
        {errors.reason && (
          <p id={`${reasonId}-error`} className="field-error">
            {errors.reason}
          </p>
        )}
      </div>
      {formError && <Alert>{formError}</Alert>}
      <div>
        <Button type="submit" busy={report.isPending}>
          Send report
        </Button>
      </div>
    </form>
  );
}

import { useSearchParams } from "react-router";
import { ReportForm } from "../../features/report/components/report-form";
import { useDocumentTitle } from "../../lib/use-document-title";

export function ReportRoute() {
  useDocumentTitle("Report a link");
  const [params] = useSearchParams();
  return (
    <div className="narrow stack">
      <h1>Report a link</h1>
      <p className="muted">
        If a short link leads to phishing, malware, spam or anything else harmful, tell us. We check every report and switch off links that
        break the rules. We keep nothing about you with the report.
      </p>
      <ReportForm initialLink={params.get("link") ?? ""} />
    </div>
  );
}

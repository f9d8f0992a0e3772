import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { useAppConfig } from "../api/get-app-config";

/** When /api/config cannot be loaded the app still renders, with this banner and a retry. */
export function DegradedBanner() {
  const config = useAppConfig();
  if (!config.isError) return null;
  return (
    <div className="banner">
      <Alert
        tone="warning"
        action={
          <Button variant="secondary" size="sm" busy={config.isFetching} onClick={() => void config.refetch()}>
            Retry
          </Button>
        }
      >
        <strong>Some features may not work right now.</strong> {config.error.message}
      </Alert>
    </div>
  );
}

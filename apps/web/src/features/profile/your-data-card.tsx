import { Download } from 'lucide-react';
import { useId } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { errorMessage } from '../../lib/errors';
import { usePrivacyExport } from '../../lib/use-privacy-export';

/** Downloads everything Canteen holds about the signed-in person as one JSON file (docs/PRODUCT.md, privacy). */
export const YourDataCard = () => {
  const exportData = usePrivacyExport();
  const titleId = useId();
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>Your data</CardTitle>
        <CardDescription>
          Download everything Canteen holds about you as one JSON file: your profile, orders, wallet history, card payments,
          reviews, posts, sign-ins and the audit log entries by and about you. Each download is recorded in the audit log.
        </CardDescription>
      </CardHeader>
      {exportData.error ? (
        <CardContent>
          <Alert>{errorMessage(exportData.error)}</Alert>
        </CardContent>
      ) : null}
      <CardFooter>
        <Button
          variant="secondary"
          isLoading={exportData.isPending}
          onClick={() => exportData.mutate({}, { onSuccess: () => toast.success('Your data has been downloaded.') })}
        >
          <Download aria-hidden />
          Download my data
        </Button>
      </CardFooter>
    </Card>
  );
};

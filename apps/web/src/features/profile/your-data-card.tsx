import { Download } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { errorMessage } from '../../lib/errors';
import { usePrivacyExport } from '../../lib/use-privacy-export';

/** Downloads everything Canteen holds about the signed-in person as one JSON file (docs/PRODUCT.md, privacy). */
export const YourDataCard = () => {
  const { t } = useTranslation('profile');
  const exportData = usePrivacyExport();
  const titleId = useId();
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>{t('yourData.title')}</CardTitle>
        <CardDescription>{t('yourData.description')}</CardDescription>
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
          onClick={() => exportData.mutate({}, { onSuccess: () => toast.success(t('yourData.downloaded')) })}
        >
          <Download aria-hidden />
          {t('yourData.download')}
        </Button>
      </CardFooter>
    </Card>
  );
};

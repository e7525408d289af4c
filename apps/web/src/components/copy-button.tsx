import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Button } from './button';

type CopyButtonProps = { text: string; label?: string };

export const CopyButton = ({ text, label }: CopyButtonProps) => {
  const { t } = useTranslation('common');
  const [isCopied, setIsCopied] = useState(false);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setIsCopied(true);
      setTimeout(() => setIsCopied(false), 2_000);
    } catch {
      toast.error(t('copy.blocked'));
    }
  };
  return (
    <Button variant="secondary" size="sm" onClick={() => void onCopy()} aria-live="polite">
      {isCopied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {isCopied ? t('copy.copied') : (label ?? t('copy.label'))}
    </Button>
  );
};

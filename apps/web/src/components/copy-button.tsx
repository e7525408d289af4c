import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from './button';

type CopyButtonProps = { text: string; label?: string };

export const CopyButton = ({ text, label = 'Copy' }: CopyButtonProps) => {
  const [isCopied, setIsCopied] = useState(false);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setIsCopied(true);
      setTimeout(() => setIsCopied(false), 2_000);
    } catch {
      toast.error('Copying is blocked here. Select the text and copy it yourself.');
    }
  };
  return (
    <Button variant="secondary" size="sm" onClick={() => void onCopy()} aria-live="polite">
      {isCopied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {isCopied ? 'Copied' : label}
    </Button>
  );
};

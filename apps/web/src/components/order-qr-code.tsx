import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderNumber } from '../lib/format';

/**
 * What the person shows at the counter: the order number in large type and a QR code of the order id, which the
 * counter scans (a scanner types it into the kitchen display's search) or types.
 */
export const OrderQrCode = ({ orderId }: { orderId: string }) => {
  const { t } = useTranslation('orders');
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const draw = async () => {
      const markup = await qrSvg(orderId, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      if (isCurrent) setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
    };
    void draw();
    return () => {
      isCurrent = false;
    };
  }, [orderId]);
  return (
    <div className="flex items-center gap-4 rounded-xl border border-zinc-200 bg-white p-4">
      {svg ? (
        <img src={svg} alt={t('counter.qr')} className="size-28 shrink-0 rounded bg-white p-1 [image-rendering:pixelated]" />
      ) : (
        <div className="size-28 shrink-0 animate-pulse rounded bg-zinc-100" />
      )}
      <div className="grid gap-1">
        <p className="text-sm text-zinc-600">{t('counter.show')}</p>
        <p className="font-mono text-3xl font-semibold tracking-tight text-zinc-900" data-testid="counter-number">
          #{orderNumber(orderId)}
        </p>
      </div>
    </div>
  );
};

import { Link } from '@tanstack/react-router';
import { ShoppingBasket } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { buttonVariants } from './button';
import { cn } from '../lib/utils';
import { useCart } from '../lib/cart-store';

/** The header's way to the cart; its name says how many items are in it. */
export const CartButton = () => {
  const { t } = useTranslation('common');
  const { count } = useCart();
  return (
    <Link
      to="/cart"
      aria-label={count ? t('cart.items', { count }) : t('cart.empty')}
      className={cn(buttonVariants({ variant: 'secondary', size: 'sm' }), 'relative gap-1.5')}
      activeProps={{ className: 'border-emerald-700 bg-emerald-50' }}
    >
      <ShoppingBasket aria-hidden />
      <span className="hidden sm:inline">{t('cart.label')}</span>{' '}
      {count ? (
        <span className="min-w-5 rounded-full bg-emerald-700 px-1.5 text-center text-xs leading-5 font-semibold text-white tabular-nums">
          {count}
        </span>
      ) : null}
    </Link>
  );
};

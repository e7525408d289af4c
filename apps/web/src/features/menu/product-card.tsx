import { type Allergen, type ProductDto, offersChoices } from '@canteen/shared';
import { type DietaryTag, MAX_LINE_QUANTITY } from '@canteen/shared/constants';
import { lineQuantityLimit } from '@canteen/shared/rules';
import {
  ChefHat,
  Fish,
  Flame,
  Heart,
  Leaf,
  type LucideIcon,
  MilkOff,
  MoonStar,
  Sparkles,
  Sprout,
  Star,
  WheatOff,
} from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { type DishChoice, DishOptionsDialog, useDishChoice } from '../../components/dish-options-dialog';
import { LOW_STOCK, StockBadge } from '../../components/stock-badge';
import { canteenToday } from '../../lib/canteen-config';
import { useCart } from '../../lib/cart-store';
import { formatNumber, formatRating } from '../../lib/format';
import type { DayOffer } from '../../lib/pickup';
import { formatMoney } from '../../lib/money';
import { allergenLabels, dietaryLabels } from '../../lib/product-labels';
import { ProductReviewsDialog } from './product-reviews-dialog';
import { useCartDay } from './use-cart-day';
import { useFavourites } from '../../lib/use-favourites';
import { cn } from '../../lib/utils';

const DIETARY_STYLE: Record<DietaryTag, { icon: LucideIcon; tone: 'green' | 'blue' | 'red' | 'neutral' | 'violet' }> = {
  vegan: { icon: Leaf, tone: 'green' },
  vegetarian: { icon: Sprout, tone: 'green' },
  pescatarian: { icon: Fish, tone: 'blue' },
  gluten_free: { icon: WheatOff, tone: 'neutral' },
  dairy_free: { icon: MilkOff, tone: 'neutral' },
  halal: { icon: MoonStar, tone: 'violet' },
  spicy: { icon: Flame, tone: 'red' },
};

export const DietaryBadges = ({ tags }: { tags: readonly DietaryTag[] }) => {
  const { t } = useTranslation('menu');
  const labels = dietaryLabels();
  return tags.length ? (
    <ul aria-label={t('card.dietary')} className="flex flex-wrap gap-1">
      {tags.map((tag) => {
        const { icon: Icon, tone } = DIETARY_STYLE[tag];
        return (
          <li key={tag}>
            <Badge tone={tone}>
              <Icon aria-hidden className="size-3" />
              {labels[tag]}
            </Badge>
          </li>
        );
      })}
    </ul>
  ) : null;
};

/** What is left of a daily dish's planned quantity for the day: "Sold out", "12 left" (none: as many as ordered). */
const PlanLeftBadge = ({ left }: { left: number | null }) => {
  const { t } = useTranslation('menu');
  if (left === null) return null;
  if (left <= 0) return <Badge tone="red">{t('card.soldOut')}</Badge>;
  return (
    <Badge tone={left <= LOW_STOCK ? 'amber' : 'neutral'}>{t('card.planLeft', { count: left, left: formatNumber(left) })}</Badge>
  );
};

/** A daily dish's badges from the day's plan: the chef's choice and what is new. */
const PlanBadges = ({ offer }: { offer: DayOffer }) => {
  const { t } = useTranslation('menu');
  if (!offer.plan?.isChefsChoice && !offer.plan?.isNew) return null;
  return (
    <ul aria-label={t('card.highlights')} className="mt-1.5 flex flex-wrap gap-1">
      {offer.plan.isChefsChoice ? (
        <li>
          <Badge tone="violet">
            <ChefHat aria-hidden className="size-3" />
            {t('card.chefsChoice')}
          </Badge>
        </li>
      ) : null}
      {offer.plan.isNew ? (
        <li>
          <Badge tone="blue">
            <Sparkles aria-hidden className="size-3" />
            {t('card.new')}
          </Badge>
        </li>
      ) : null}
    </ul>
  );
};

type ProductCardProps = {
  product: ProductDto;
  /** A dish shown twice on a page (pinned as a favourite, and in the menu) keeps its element ids unique. */
  idPrefix?: string;
  /** The day the menu shows (`YYYY-MM-DD`); adding a dish orders the cart for that day. Today when left out. */
  day?: string;
  /** The dish on that day: how many are left (a daily dish: of the day's plan) and its badges. */
  offer?: DayOffer;
  /** The allergens the menu is filtered to be free from: the dish's choices with them are marked. */
  avoid?: readonly Allergen[];
};

export const ProductCard = ({ product, idPrefix = 'product', day, offer: dayOffer, avoid }: ProductCardProps) => {
  const { t } = useTranslation('menu');
  const cart = useCart();
  const cartDay = useCartDay();
  const offer = dayOffer ?? { isServed: true, stock: product.stock, plan: null };
  const stock = offer.stock;
  const [isShowingReviews, setIsShowingReviews] = useState(false);
  const [isChoosing, setIsChoosing] = useState(false);
  const withChoices = offersChoices(product.optionGroups);
  const choose = useDishChoice();
  const favourites = useFavourites();
  const isFavourite = favourites.isFavourite(product.id);
  const inCart = cart.quantityOf(product.id);
  const isSoldOut = stock !== null && stock <= 0;
  const isAllInCart = stock !== null && stock > 0 && inCart >= stock;
  const limit = lineQuantityLimit(stock);
  const isAtLimit = !isSoldOut && inCart >= limit;
  const allergens = allergenLabels();
  const titleId = `${idPrefix}-${product.id}`;
  const limitId = `${idPrefix}-limit-${product.id}`;
  // What the options dialog needs besides the dish: how many more may go in, what to mark, where they go.
  const choice = {
    maxQuantity: Math.max(0, limit - inCart),
    ...(avoid ? { avoid } : {}),
    onAdd: (chosen: DishChoice) => cartDay.add({ productId: product.id, ...chosen }, day ?? canteenToday()),
  };
  const label = t(isSoldOut ? 'card.soldOut' : isAllInCart ? 'card.allInCart' : inCart ? 'card.addAnother' : 'card.addToCart');
  // Why "Add another" stopped: the last ones on the shelf, or the most one order may have of a dish.
  const limitReason = isAllInCart ? t('card.allLeft', { count: limit }) : t('card.mostPerOrder', { count: MAX_LINE_QUANTITY });
  return (
    <article
      aria-labelledby={titleId}
      className="flex flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-xs transition-shadow hover:shadow-sm sm:p-5"
    >
      <div className="flex items-start justify-between gap-3">
        <p className="text-xs font-medium tracking-wide text-zinc-600 uppercase">{product.categoryName}</p>
        <div className="flex items-center gap-1">
          {offer.plan ? <PlanLeftBadge left={offer.plan.left} /> : <StockBadge stock={product.stock} />}
          <button
            type="button"
            aria-pressed={isFavourite}
            aria-label={t('card.favourite', { dish: product.name })}
            onClick={() => favourites.toggle(product)}
            className="-m-1 rounded-md p-1 text-zinc-500 hover:text-amber-600 focus-visible:outline-2 focus-visible:outline-emerald-600"
          >
            <Heart aria-hidden className={cn('size-4', isFavourite && 'fill-rose-500 text-rose-600')} />
          </button>
        </div>
      </div>
      <h3 id={titleId} className="mt-1 text-base leading-snug font-semibold text-zinc-900">
        {product.name}
      </h3>
      <PlanBadges offer={offer} />
      {product.ratingAverage !== null && product.ratingCount > 0 ? (
        <p className="mt-1">
          <button
            type="button"
            aria-label={t('card.reviewsLabel', {
              dish: product.name,
              average: formatRating(product.ratingAverage),
              count: product.ratingCount,
            })}
            onClick={() => setIsShowingReviews(true)}
            className="-mx-1 inline-flex items-center gap-1 rounded-md px-1 text-xs text-zinc-600 underline-offset-4 hover:text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600"
            data-testid="product-rating"
          >
            <Star aria-hidden className="size-3.5 fill-amber-400 text-amber-500" />
            {formatRating(product.ratingAverage)} ({product.ratingCount})
          </button>
        </p>
      ) : null}
      <p className="mt-2 line-clamp-3 text-sm text-zinc-600">{product.description}</p>
      <div className="mt-3 grid gap-2">
        <DietaryBadges tags={product.dietaryTags} />
        <p className="text-xs text-zinc-600">
          {product.allergens.length ? (
            <>
              <span className="font-medium text-zinc-800">{t('card.contains')}</span>
              {product.allergens.map((allergen) => allergens[allergen]).join(', ')}
            </>
          ) : (
            t('card.noAllergens')
          )}
        </p>
        {withChoices ? (
          <p className="text-xs text-zinc-600">
            <span className="font-medium text-zinc-800">{t('card.choices')}</span>
            {product.optionGroups.map((group) => group.name).join(', ')}
          </p>
        ) : null}
      </div>
      <div className="mt-auto flex items-center justify-between gap-3 pt-4">
        <div className="grid">
          <span className="text-lg font-semibold text-zinc-900 tabular-nums">{formatMoney(product.priceCents)}</span>
          {inCart ? <span className="text-xs font-medium text-emerald-800">{t('card.inCart', { count: inCart })}</span> : null}
          {isAtLimit ? (
            <span id={limitId} className="text-xs text-zinc-600">
              {limitReason}
            </span>
          ) : null}
        </div>
        <Button
          size="sm"
          variant={inCart ? 'secondary' : 'primary'}
          // The visible words first, then the dish: the same button on every card still has a unique name.
          aria-label={t('card.buttonLabel', { action: label, dish: product.name })}
          disabled={isSoldOut || isAtLimit}
          aria-describedby={isAtLimit ? limitId : undefined}
          aria-haspopup={withChoices ? 'dialog' : undefined}
          onClick={() => {
            if (!withChoices) cartDay.add(product.id, day ?? canteenToday());
            else if (choose) choose({ ...choice, product });
            else setIsChoosing(true);
          }}
        >
          {label}
        </Button>
      </div>
      {withChoices && !choose ? (
        <DishOptionsDialog product={product} open={isChoosing} onOpenChange={setIsChoosing} {...choice} />
      ) : null}
      <ProductReviewsDialog product={isShowingReviews ? product : null} onClose={() => setIsShowingReviews(false)} />
    </article>
  );
};

import type { OrderDto } from '@canteen/shared';
import { MAX_REVIEW_COMMENT_LENGTH } from '@canteen/shared/constants';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CircleCheck } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { Field } from '../../components/field';
import { Textarea } from '../../components/textarea';
import { errorMessage, errorReason } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { StarRatingInput, starsLabel } from '../../components/stars';
import { formatNumber } from '../../lib/format';

type Line = OrderDto['lines'][number];

const RateDish = ({ line }: { line: Line }) => {
  const { t } = useTranslation('orders');
  const queryClient = useQueryClient();
  const headingId = useId();
  const ratingErrorId = useId();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [isMissingRating, setIsMissingRating] = useState(false);
  const create = useMutation(
    trpc.review.create.mutationOptions({
      onSuccess: async () => {
        // The menu's stars and the dish's reviews now include this one.
        await queryClient.invalidateQueries(trpc.product.pathFilter());
        await queryClient.invalidateQueries(trpc.review.pathFilter());
      },
    }),
  );
  const isProfane = errorReason(create.error) === 'PROFANITY';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) {
      setIsMissingRating(true);
      return;
    }
    setIsMissingRating(false);
    const trimmed = comment.trim();
    create.mutate({ productId: line.productId, rating, ...(trimmed ? { comment: trimmed } : {}) });
  };

  if (create.isSuccess)
    return (
      <li className="flex items-center gap-2 py-4 text-sm text-emerald-800" role="status">
        <CircleCheck aria-hidden className="size-4 shrink-0" />
        {t('rate.thanks', { dish: line.productName, stars: starsLabel(create.data.rating) })}
      </li>
    );

  return (
    <li className="py-4">
      <form noValidate aria-labelledby={headingId} className="grid gap-3" onSubmit={onSubmit}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
            {line.productName}
          </h3>
          <StarRatingInput
            aria-label={t('rate.ratingLabel', { dish: line.productName })}
            aria-describedby={isMissingRating ? ratingErrorId : undefined}
            value={rating}
            onValueChange={(value) => {
              setRating(value);
              setIsMissingRating(false);
            }}
            disabled={create.isPending}
          />
        </div>
        {isMissingRating ? (
          <p id={ratingErrorId} className="text-sm text-red-700">
            {t('rate.chooseStars')}
          </p>
        ) : null}
        <Field
          label={t('rate.comment', { dish: line.productName })}
          error={isProfane ? errorMessage(create.error) : undefined}
          hint={t('rate.commentHint', { max: formatNumber(MAX_REVIEW_COMMENT_LENGTH) })}
        >
          <Textarea
            rows={2}
            maxLength={MAX_REVIEW_COMMENT_LENGTH}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </Field>
        {create.isError && !isProfane ? <Alert>{errorMessage(create.error)}</Alert> : null}
        <div className="flex justify-end">
          <Button type="submit" size="sm" isLoading={create.isPending}>
            {t('rate.send')}
          </Button>
        </div>
      </form>
    </li>
  );
};

/** On the buyer's own completed receipt: rate each dish of the order once. */
export const RateYourLunch = ({ lines }: { lines: readonly Line[] }) => {
  const { t } = useTranslation('orders');
  // One form per dish, even if the order lists it twice.
  const dishes = lines.filter((line, index) => lines.findIndex((other) => other.productId === line.productId) === index);
  return (
    <Card aria-labelledby="rate-your-lunch" className="mt-6 max-w-3xl print:hidden">
      <CardHeader>
        <CardTitle id="rate-your-lunch">{t('rate.title')}</CardTitle>
        <CardDescription>{t('rate.description')}</CardDescription>
      </CardHeader>
      <CardContent className="py-0 sm:py-0">
        <ul className="divide-y divide-zinc-100">
          {dishes.map((line) => (
            <RateDish key={line.productId} line={line} />
          ))}
        </ul>
      </CardContent>
    </Card>
  );
};

import { hasRole } from '@canteen/shared/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ArrowLeft, Eye, Newspaper, Pencil, Trash2 } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card, CardContent } from '../../components/card';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { useSession } from '../../lib/auth';
import { errorCode, errorMessage } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { postTitle } from './excerpt';

const views = (t: TFunction<'news'>, count: number): string => t('post.views', { count, views: formatNumber(count) });

/**
 * Counts this visit once the post has loaded: one `post.view` per visit, however often the post is refetched.
 * The answer's count (this view included) replaces the one the read showed.
 */
const useCountVisit = (postId: string, isLoaded: boolean) => {
  const queryClient = useQueryClient();
  const countedPostId = useRef<string | null>(null);
  const { mutate } = useMutation(
    trpc.post.view.mutationOptions({
      onSuccess: ({ viewCount }, { id }) =>
        queryClient.setQueryData(trpc.post.get.queryKey({ id }), (post) => (post ? { ...post, viewCount } : post)),
    }),
  );
  useEffect(() => {
    if (!isLoaded || countedPostId.current === postId) return;
    countedPostId.current = postId;
    mutate({ id: postId });
  }, [isLoaded, postId, mutate]);
};

/** One post, rendered. Reading it counts nothing; the visit counts one view (drafts and their authors none). */
export const PostPage = ({ postId }: { postId: string }) => {
  const { t } = useTranslation('news');
  const session = useSession();
  const isStaff = session.status === 'signedIn' && hasRole(session.user.role, 'manager');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.post.get.queryOptions({ id: postId }));
  useCountVisit(postId, query.isSuccess);
  const [isDeleting, setIsDeleting] = useState(false);
  const remove = useMutation(
    trpc.post.delete.mutationOptions({
      onSuccess: async () => {
        setIsDeleting(false);
        toast.success(t('post.deleted'));
        await queryClient.invalidateQueries({ queryKey: trpc.post.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.blog.list.queryKey() });
        await navigate({ to: '/news' });
      },
    }),
  );
  const post = query.data;
  const blog = useQuery({ ...trpc.blog.get.queryOptions({ id: post?.blogId ?? '' }), enabled: Boolean(post) });

  return (
    <>
      <PageHeader
        title={post ? postTitle(post) : t('title')}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link to="/news">
                <ArrowLeft aria-hidden />
                {t('allNews')}
              </Link>
            </Button>
            {post && isStaff ? (
              <>
                <Button asChild variant="secondary">
                  <Link to="/news/$postId/edit" params={{ postId: post.id }}>
                    <Pencil aria-hidden />
                    {t('post.edit')}
                  </Link>
                </Button>
                <Button variant="danger" onClick={() => setIsDeleting(true)}>
                  <Trash2 aria-hidden />
                  {t('post.delete')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card className="max-w-3xl">
        <CardContent>
          {query.isPending ? (
            <PageSpinner label={t('post.loading')} />
          ) : query.isError ? (
            errorCode(query.error) === 'NOT_FOUND' ? (
              <EmptyState icon={Newspaper} title={t('post.notFound')} description={t('post.notFoundDescription')} />
            ) : (
              <Alert>{errorMessage(query.error)}</Alert>
            )
          ) : (
            <article aria-label={postTitle(query.data)} className="grid gap-5">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600">
                {blog.data ? <span className="font-medium text-zinc-800">{blog.data.name}</span> : null}
                <span>{formatDate(query.data.publishedAt ?? query.data.createdAt)}</span>
                {query.data.authorName ? <span>{t('post.by', { name: query.data.authorName })}</span> : null}
                <span className="inline-flex items-center gap-1" data-testid="post-views">
                  · <Eye aria-hidden className="size-3.5" />
                  {views(t, query.data.viewCount)}
                </span>
                {query.data.status === 'draft' ? <Badge tone="amber">{t('draft')}</Badge> : null}
              </p>
              {/* The one place raw HTML is rendered: the server renders the markdown and sanitises it with an allowlist. */}
              <div className="prose" dangerouslySetInnerHTML={{ __html: query.data.html }} />
            </article>
          )}
        </CardContent>
      </Card>
      <ConfirmDialog
        isOpen={isDeleting}
        onOpenChange={(isOpen) => {
          if (!isOpen) remove.reset();
          setIsDeleting(isOpen);
        }}
        title={t('post.deleteTitle')}
        description={t('post.deleteDescription')}
        confirmLabel={t('post.deleteConfirm')}
        onConfirm={() => remove.mutate({ id: postId })}
        isPending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
      />
    </>
  );
};

import type { RouterOutputs } from '@canteen/api/trpc';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ArrowLeft, Newspaper } from 'lucide-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { PageHeader } from '../../components/page-header';
import { Select } from '../../components/select';
import { PageSpinner, Spinner } from '../../components/spinner';
import { Textarea } from '../../components/textarea';
import { errorCode, errorMessage, fieldErrors } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { formatNumber } from '../../lib/format';

type Post = RouterOutputs['post']['get'];
type Status = 'draft' | 'published';

const MAX_CONTENT = 50_000;

type PostErrors = Partial<Record<string, string>>;

/** What must be right before a post is sent, per field: a channel, and some text within the limit. */
const checkPost = (t: TFunction<'news'>, values: { blogId: string | undefined; content: string }) => ({
  blogId: values.blogId ? undefined : t('editor.chooseChannel'),
  content: !values.content.trim()
    ? t('editor.writeSomething')
    : values.content.length > MAX_CONTENT
      ? t('editor.tooLong', { max: formatNumber(MAX_CONTENT) })
      : undefined,
});

const LivePreview = ({ content }: { content: string }) => {
  const { t } = useTranslation('news');
  const debounced = useDebouncedValue(content, 400);
  const preview = useQuery({
    ...trpc.post.preview.queryOptions({ content: debounced }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Card className="min-w-0">
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle id="preview-title">{t('editor.preview')}</CardTitle>
        {preview.isFetching ? <Spinner label={t('editor.updatingPreview')} className="size-4" /> : null}
      </CardHeader>
      <CardContent>
        <section aria-labelledby="preview-title" data-testid="post-preview" aria-live="polite">
          {!debounced.trim() ? (
            <p className="text-sm text-zinc-500">{t('editor.previewEmpty')}</p>
          ) : preview.isError ? (
            <Alert>{errorMessage(preview.error)}</Alert>
          ) : preview.data ? (
            // Rendered and sanitised by the server, the same way as the published post.
            <div className="prose" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
          ) : (
            <Spinner label={t('editor.loadingPreview')} />
          )}
        </section>
      </CardContent>
    </Card>
  );
};

const PostForm = ({ post }: { post: Post | null }) => {
  const { t } = useTranslation('news');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const blogs = useQuery(trpc.blog.list.queryOptions({ limit: 100 }));
  const [blogId, setBlogId] = useState<string | undefined>(post?.blogId);
  const [title, setTitle] = useState(post?.title ?? '');
  const [content, setContent] = useState(post?.content ?? '');
  const [errors, setErrors] = useState<PostErrors>({});
  // After the first try, each field is checked again as it changes: its message goes as soon as it is right.
  const [isChecked, setIsChecked] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [pendingStatus, setPendingStatus] = useState<Status | null>(null);
  const create = useMutation(trpc.post.create.mutationOptions());
  const update = useMutation(trpc.post.update.mutationOptions());
  const channelOptions = (blogs.data?.items ?? []).map((blog) => ({ value: blog.id, label: blog.name }));

  const save = async (status: Status) => {
    const found = checkPost(t, { blogId, content });
    setErrors(found);
    setIsChecked(true);
    setFormError(null);
    if (found.blogId || found.content || !blogId) return;
    setPendingStatus(status);
    try {
      const trimmedTitle = title.trim();
      const saved = post
        ? await update.mutateAsync({ id: post.id, title: trimmedTitle || null, content, status })
        : await create.mutateAsync({ blogId, content, status, ...(trimmedTitle ? { title: trimmedTitle } : {}) });
      toast.success(status === 'published' ? t('editor.published') : t('editor.draftSaved'));
      await queryClient.invalidateQueries(trpc.post.pathFilter());
      await queryClient.invalidateQueries(trpc.blog.pathFilter());
      await navigate({ to: '/news/$postId', params: { postId: saved.id } });
    } catch (caught) {
      const fields = fieldErrors(caught);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setFormError(errorMessage(caught));
    } finally {
      setPendingStatus(null);
    }
  };

  const onBlogChange = (next: string) => {
    setBlogId(next);
    if (isChecked) setErrors((current) => ({ ...current, blogId: checkPost(t, { blogId: next, content }).blogId }));
  };
  const onTitleChange = (next: string) => {
    setTitle(next);
    setErrors((current) => ({ ...current, title: undefined }));
  };
  const onContentChange = (next: string) => {
    setContent(next);
    if (isChecked) setErrors((current) => ({ ...current, content: checkPost(t, { blogId, content: next }).content }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save('published');
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card className="min-w-0">
        <CardContent>
          <form noValidate className="grid gap-5" onSubmit={onSubmit}>
            {formError ? <Alert>{formError}</Alert> : null}
            {blogs.isError ? <Alert>{errorMessage(blogs.error)}</Alert> : null}
            <Field label={t('editor.channel')} error={errors.blogId}>
              <Select
                value={blogId}
                onValueChange={onBlogChange}
                options={channelOptions}
                placeholder={t('editor.chooseChannel')}
                disabled={Boolean(post)}
              />
            </Field>
            <Field label={t('editor.title')} error={errors.title}>
              <Input autoComplete="off" maxLength={200} value={title} onChange={(event) => onTitleChange(event.target.value)} />
            </Field>
            <Field label={t('editor.text')} error={errors.content} hint={t('editor.textHint')}>
              <Textarea
                rows={16}
                className="font-mono text-sm"
                value={content}
                onChange={(event) => onContentChange(event.target.value)}
              />
            </Field>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button
                variant="secondary"
                isLoading={pendingStatus === 'draft'}
                disabled={pendingStatus !== null}
                onClick={() => void save('draft')}
              >
                {post?.status === 'published' ? t('editor.unpublish') : t('editor.saveDraft')}
              </Button>
              <Button type="submit" isLoading={pendingStatus === 'published'} disabled={pendingStatus !== null}>
                {post?.status === 'published' ? t('editor.saveChanges') : t('editor.publish')}
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      <LivePreview content={content} />
    </div>
  );
};

/** Writing a post (managers): markdown on one side, the server's rendering of it on the other. */
export const PostEditorPage = ({ postId }: { postId?: string }) => {
  const { t } = useTranslation('news');
  // Reading counts no view; the form keeps what the writer typed whatever a refetch brings.
  const query = useQuery({ ...trpc.post.get.queryOptions({ id: postId ?? '' }), enabled: Boolean(postId) });
  return (
    <>
      <PageHeader
        title={postId ? t('editor.editTitle') : t('editor.newTitle')}
        actions={
          <Button asChild variant="secondary">
            {postId ? (
              <Link to="/news/$postId" params={{ postId }}>
                <ArrowLeft aria-hidden />
                {t('editor.backToPost')}
              </Link>
            ) : (
              <Link to="/news">
                <ArrowLeft aria-hidden />
                {t('allNews')}
              </Link>
            )}
          </Button>
        }
      />
      {!postId ? (
        <PostForm post={null} />
      ) : query.isPending ? (
        <PageSpinner label={t('post.loading')} />
      ) : query.isError ? (
        errorCode(query.error) === 'NOT_FOUND' ? (
          <EmptyState icon={Newspaper} title={t('post.notFound')} description={t('editor.notFoundDescription')} />
        ) : (
          <Alert>{errorMessage(query.error)}</Alert>
        )
      ) : (
        <PostForm post={query.data} />
      )}
    </>
  );
};

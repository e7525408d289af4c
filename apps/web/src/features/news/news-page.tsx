import { MAX_PAGE_SIZE } from '@canteen/shared/constants';
import { hasRole } from '@canteen/shared/rules';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Newspaper, PenSquare, Plus } from 'lucide-react';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/tabs';
import { useSession } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';
import { excerpt, postTitle } from './excerpt';
import { FollowButton } from './follow-button';

// Only managers write: their tools stay out of everyone else's download.
const ChannelDialog = lazy(() => import('./channel-dialog').then((module) => ({ default: module.ChannelDialog })));

const ALL = 'all';
const PAGE_SIZE = 10;

const PostList = ({ blogId, channelNames }: { blogId: string | undefined; channelNames: Map<string, string> }) => {
  const { t } = useTranslation('news');
  const list = usePagedList((cursor) => trpc.post.list.queryOptions({ limit: PAGE_SIZE, cursor, ...(blogId ? { blogId } : {}) }));
  return (
    <ListView
      list={list}
      loadingLabel={t('loading')}
      pagesLabel={t('pages')}
      empty={{ icon: Newspaper, title: t('empty.title'), description: t('empty.description') }}
    >
      {(posts) => (
        <ul aria-label={t('posts')} className="divide-y divide-zinc-100">
          {posts.map((post) => {
            const titleId = `post-${post.id}`;
            return (
              <li key={post.id}>
                <article aria-labelledby={titleId} className="grid gap-1.5 px-5 py-4 sm:px-6">
                  <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600">
                    {!blogId ? (
                      <span className="font-medium tracking-wide uppercase">{channelNames.get(post.blogId)}</span>
                    ) : null}
                    <span>{formatDate(post.publishedAt ?? post.createdAt)}</span>
                    {post.authorName ? <span>· {post.authorName}</span> : null}
                    {post.status === 'draft' ? <Badge tone="amber">{t('draft')}</Badge> : null}
                  </div>
                  <h2 id={titleId} className="text-base font-semibold text-zinc-900">
                    <Link
                      to="/news/$postId"
                      params={{ postId: post.id }}
                      className="underline-offset-4 hover:text-emerald-800 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600"
                    >
                      {postTitle(post)}
                    </Link>
                  </h2>
                  <p className="line-clamp-2 text-sm text-zinc-600">{excerpt(post.content)}</p>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </ListView>
  );
};

/** News from the canteen, by channel. Managers also see drafts and can write posts. */
export const NewsPage = () => {
  const { t } = useTranslation('news');
  const session = useSession();
  const isStaff = session.status === 'signedIn' && hasRole(session.user.role, 'manager');
  const [channel, setChannel] = useState(ALL);
  const [isAddingChannel, setIsAddingChannel] = useState(false);
  const blogs = useQuery(trpc.blog.list.queryOptions({ limit: MAX_PAGE_SIZE }));
  const channels = blogs.data?.items ?? [];
  const channelNames = new Map(channels.map((blog) => [blog.id, blog.name]));
  const active = channels.find((blog) => blog.id === channel);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={active?.description ?? t('description')}
        actions={
          isStaff ? (
            <>
              {active ? <FollowButton blog={active} /> : null}
              <Button variant="secondary" onClick={() => setIsAddingChannel(true)}>
                <Plus aria-hidden />
                {t('newChannel')}
              </Button>
              <Button asChild>
                <Link to="/news/new">
                  <PenSquare aria-hidden />
                  {t('newPost')}
                </Link>
              </Button>
            </>
          ) : active ? (
            <FollowButton blog={active} />
          ) : null
        }
      />
      {blogs.isError ? <Alert className="mb-4">{errorMessage(blogs.error)}</Alert> : null}
      <Tabs value={channel} onValueChange={setChannel} className="grid gap-4">
        <TabsList aria-label={t('channels')}>
          <TabsTrigger value={ALL}>{t('all')}</TabsTrigger>
          {channels.map((blog) => (
            <TabsTrigger key={blog.id} value={blog.id}>
              {blog.name}
            </TabsTrigger>
          ))}
        </TabsList>
        {[ALL, ...channels.map((blog) => blog.id)].map((value) => (
          <TabsContent key={value} value={value} className="focus-visible:outline-none">
            {value === channel ? (
              <Card>
                <PostList blogId={value === ALL ? undefined : value} channelNames={channelNames} />
              </Card>
            ) : null}
          </TabsContent>
        ))}
      </Tabs>
      {isAddingChannel ? (
        <Suspense>
          <ChannelDialog
            onClose={() => setIsAddingChannel(false)}
            onCreated={(id) => {
              setIsAddingChannel(false);
              setChannel(id);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Bell, BellRing } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Button } from '../../components/button';
import { errorMessage } from '../../lib/errors';
import { trpc } from '../../lib/trpc';

/** Follow a channel: its new posts come to the bell (and by email when chosen in the profile). */
export const FollowButton = ({ blog }: { blog: { id: string; name: string } }) => {
  const { t } = useTranslation('news');
  const queryClient = useQueryClient();
  const following = useQuery(trpc.blog.following.queryOptions());
  const follow = useMutation(
    trpc.blog.follow.mutationOptions({
      onSuccess: (result, input) => {
        queryClient.setQueryData(trpc.blog.following.queryKey(), result);
        toast.success(t(input.isFollowing ? 'follow.followed' : 'follow.unfollowed', { channel: blog.name }));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const isFollowing = following.data?.ids.includes(blog.id) ?? false;
  return (
    <Button
      variant="secondary"
      aria-pressed={isFollowing}
      disabled={!following.data}
      isLoading={follow.isPending}
      onClick={() => follow.mutate({ id: blog.id, isFollowing: !isFollowing })}
    >
      {isFollowing ? <BellRing aria-hidden /> : <Bell aria-hidden />}
      {t(isFollowing ? 'follow.following' : 'follow.follow', { channel: blog.name })}
    </Button>
  );
};

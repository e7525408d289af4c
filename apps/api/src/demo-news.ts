import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '@canteen/db';
import { CreateBlogInputSchema } from '@canteen/shared';
import { createBlog } from './modules/blog/blog.service';

/** Demo news channels, written through the same service (rendering, sanitising, audit) as real posts. */
export const seedDemoNews = async (em: EntityManager): Promise<void> => {
  const author = await em.findOne(User, { email: 'manager@canteen.test' });
  if (!author) return;
  const ctx = { em, user: author };
  await createBlog(
    ctx,
    CreateBlogInputSchema.parse({
      name: 'Daily menu',
      slug: 'daily-menu',
      description: "What the kitchen is cooking today, and what's coming up this week.",
      posts: [
        {
          title: 'This week: Indian street food',
          content:
            '## Indian street food week\n\nFrom **Monday to Friday** the hot counter serves a different curry each day:\n\n| Day | Dish |\n| --- | --- |\n| Monday | Chicken tikka masala |\n| Tuesday | Chana masala (vegan) |\n| Wednesday | Lamb rogan josh |\n\nAll curries come with basmati rice; ask for a **garlic naan** on the side.',
        },
        {
          title: 'Soup of the day',
          content: 'Today: **roasted tomato and red pepper** soup, vegan and gluten-free. Served until 14:00 or while it lasts.',
        },
      ],
    }),
  );
  await createBlog(
    ctx,
    CreateBlogInputSchema.parse({
      name: 'Sustainability',
      slug: 'sustainability',
      description: 'How the canteen cuts waste and sources food.',
      posts: [
        {
          title: 'Less food waste, one tray at a time',
          content:
            'Last month we threw away **18% less food** than the month before. Three things helped:\n\n1. Smaller default portions, with free seconds\n2. Daily stock counts on the packaged shelf\n3. Leftover bread goes to the [local food bank](https://www.eurofoodbank.org/)\n\nThank you for taking part!',
        },
        {
          title: 'Draft: new coffee supplier',
          content: 'We are testing a fair-trade roaster. Details to follow.',
          status: 'draft',
        },
      ],
    }),
  );
};

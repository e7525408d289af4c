import { describe, expect, it } from 'vitest';
import { Favourite } from '@canteen/db';
import { createTestCaller, getTestOrm, makeCast, makeProduct } from '../../../test/helpers';

const orm = await getTestOrm();

describe('favourite dishes', () => {
  it('are pinned per person, idempotently, and leave the list when the dish is archived', async () => {
    const cast = await makeCast(orm);
    const [soup, curry] = [await makeProduct(orm, { name: `Soup ${cast.department.code}` }), await makeProduct(orm)];
    const employee = await createTestCaller({ user: cast.employee });
    expect(await employee.product.favourites()).toEqual([]);
    await employee.product.setFavourite({ id: soup.id, isFavourite: true });
    const twice = await employee.product.setFavourite({ id: soup.id, isFavourite: true });
    expect(twice.map((d) => d.id)).toEqual([soup.id]);
    await employee.product.setFavourite({ id: curry.id, isFavourite: true });
    expect((await employee.product.favourites()).map((d) => d.id).sort()).toEqual([soup.id, curry.id].sort());
    // Someone else's favourites are theirs.
    expect(await (await createTestCaller({ user: cast.manager })).product.favourites()).toEqual([]);
    // Unpinning twice is fine; an archived dish drops out and cannot be pinned.
    await employee.product.setFavourite({ id: curry.id, isFavourite: false });
    await employee.product.setFavourite({ id: curry.id, isFavourite: false });
    await (await createTestCaller({ user: cast.manager })).product.archive({ id: soup.id });
    await (await createTestCaller({ user: cast.manager })).product.archive({ id: curry.id });
    expect(await employee.product.favourites()).toEqual([]);
    await expect(employee.product.setFavourite({ id: curry.id, isFavourite: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await orm.em.fork().count(Favourite, { user: cast.employee.id })).toBe(1);
    // Kitchen staff have no menu of their own to pin.
    await expect((await createTestCaller({ user: cast.kitchen })).product.favourites()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

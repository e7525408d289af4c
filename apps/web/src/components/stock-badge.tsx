import { Badge } from './badge';

/** Below this many left, the menu says how many. */
export const LOW_STOCK = 5;

/** "Sold out" or "Only 3 left" for a tracked dish that is running out; nothing otherwise. */
export const StockBadge = ({ stock }: { stock: number | null }) => {
  if (stock === null || stock > LOW_STOCK) return null;
  return stock === 0 ? <Badge tone="red">Sold out</Badge> : <Badge tone="amber">Only {stock} left</Badge>;
};

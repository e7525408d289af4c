import { Link } from '@tanstack/react-router';
import { Button } from './button';

/** The way out of an empty cart or order list: back to the menu. */
export const BrowseMenuButton = ({ variant }: { variant?: 'primary' | 'secondary' }) => (
  <Button asChild variant={variant}>
    <Link to="/menu">Browse the menu</Link>
  </Button>
);

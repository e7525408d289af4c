import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

/** The way out of an empty cart or order list: back to the menu. */
export const BrowseMenuButton = ({ variant }: { variant?: 'primary' | 'secondary' }) => {
  const { t } = useTranslation('common');
  return (
    <Button asChild variant={variant}>
      <Link to="/menu">{t('browseMenu')}</Link>
    </Button>
  );
};
